using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using TorchSharp;

namespace Helpers;

/// <summary>
/// Lets the oneMKL inside libtorch 2.10 use its AVX-512 matrix-product kernels on a non-Intel CPU that has
/// AVX-512 (AMD Zen 4 and later). Applied when the helpers are first used, before the first matrix product.
/// </summary>
/// <remarks>
/// oneMKL (2024.0 in libtorch 2.10's Linux build) picks its kernels by CPU vendor first: on a CPU that does not
/// say "GenuineIntel" it runs its AVX2 code even where the CPU has AVX-512. On this project's machine (AMD EPYC,
/// AVX-512) a 2048x2048 float32 product ran at 162 GFLOP/s on two threads that way, and at 380 GFLOP/s with the
/// vendor check answering "Intel" (2026-12-02, alternating runs). The kernels themselves still check which
/// instructions the CPU has, so the answer only lifts the vendor test. Results are the same products summed in
/// another order: equal within float32 rounding.
/// <para>How: oneMKL caches the vendor test's answer in a variable that its exported function
/// <c>mkl_serv_intel_cpu_true</c> reads in its first instruction (<c>mov eax, [rip + offset]</c>). The helpers read
/// that instruction to find the variable and set it to 1 while it still holds "not yet asked" (-1). Nothing is
/// changed unless the code has exactly that shape, the CPU reports AVX-512F, and the process is x64 Linux; nor when
/// the environment sets <c>MKL_ENABLE_INSTRUCTIONS</c> (the user is choosing oneMKL's kernels) or
/// <c>HELPERS_MKL_VENDOR_CHECK=keep</c> (to compare, or if a kernel misbehaves).</para>
/// </remarks>
public static class MklAvx512
{
    private const string Function = "mkl_serv_intel_cpu_true";

    private static readonly Lock Gate = new();

    /// <summary>True once oneMKL in this process takes its kernels as on an Intel CPU with the same instructions.</summary>
    public static bool IsOn { get; private set; }

    /// <summary>Why <see cref="IsOn"/> is false, in words; null when it is on.</summary>
    public static string? Reason { get; private set; } = "not tried yet";

    /// <summary>Applies the change where it can (idempotent); returns <see cref="IsOn"/>.</summary>
    public static bool TurnOn()
    {
        lock (Gate)
        {
            if (IsOn) return true;
            Reason = Apply();
            return IsOn = Reason is null;
        }
    }

    private static string? Apply()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return "only for x64 Linux, where libtorch's oneMKL exports its vendor test";
        if (!Avx512F.IsSupported) return "the CPU has no AVX-512";
        if (Environment.GetEnvironmentVariable("MKL_ENABLE_INSTRUCTIONS") is not null)
            return "MKL_ENABLE_INSTRUCTIONS is set";
        if (Environment.GetEnvironmentVariable("HELPERS_MKL_VENDOR_CHECK") == "keep")
            return "HELPERS_MKL_VENDOR_CHECK=keep";
        torch.InitializeDeviceType(DeviceType.CPU);
        if (LoadedLibrary.Export(LoadedLibrary.TorchCpu, Function) is not { } code)
            return $"libtorch_cpu has no {Function} (a libtorch without oneMKL)";
        if (CachedAnswer(code) is not { } answer)
            return $"{Function} is not the code this was written for (another oneMKL)";
        var now = Marshal.ReadInt32(answer);
        if (now == 1) return null;
        if (now != -1) return "oneMKL had already run its vendor test";
        Marshal.WriteInt32(answer, 1);
        return null;
    }

    /// <summary>
    /// The variable the function returns when it is set: its code must begin
    /// <c>mov eax, [rip + d]; test eax, eax; js +1; ret</c> (8B 05 d32 85 C0 78 01 C3).
    /// </summary>
    private static IntPtr? CachedAnswer(IntPtr code)
    {
        var bytes = new byte[11];
        Marshal.Copy(code, bytes, 0, bytes.Length);
        ReadOnlySpan<byte> before = [0x8B, 0x05], after = [0x85, 0xC0, 0x78, 0x01, 0xC3];
        if (!bytes.AsSpan(0, 2).SequenceEqual(before) || !bytes.AsSpan(6, 5).SequenceEqual(after)) return null;
        var displacement = BitConverter.ToInt32(bytes, 2);
        return code + 6 + displacement;
    }
}
