using System.Runtime.InteropServices;
using TorchSharp;

namespace Helpers;

/// <summary>
/// Makes libtorch zero the memory of every CPU tensor it allocates, through libtorch's own switch for it
/// (c10's <c>caffe2_cpu_allocator_do_zero_fill</c> flag). Applied when the helpers are first used.
/// </summary>
/// <remarks>
/// This works around a defect of libtorch 2.10's convolution library (oneDNN 3.7.1). For a convolution with
/// one output channel (the last layer of chapters 03 and 04b), oneDNN pads that channel to a block of 16 and its
/// backward pass reads the padding of a buffer it did not initialise. Where that memory last held a bit pattern
/// that is NaN or infinite, the layer's input gradient comes back partly NaN, and one such step turns every
/// weight into NaN. Measured here (2026-12-01): in 0-4 of 800 steps of that layer alone on two threads (9 in 4,400),
/// and chapter 04b's training diverged after 170-300 steps even on one thread; with the memory zeroed, no NaN in
/// 2,400 steps of the layer and 600 steps of 04b. Zeroing costs one pass over each new tensor's memory, which
/// was within the noise of a 04b training step (0.156 s either way).
/// </remarks>
public static class ZeroFill
{
    private const string FlagSymbol = "FLAGS_caffe2_cpu_allocator_do_zero_fill";

    /// <summary>The flag as MSVC names a global bool (<c>?name@@3_NA</c>), for Windows' c10.dll.</summary>
    private const string WindowsFlagSymbol = "?" + FlagSymbol + "@@3_NA";

    private static readonly Lock Gate = new();

    /// <summary>True once libtorch zeroes the memory of the CPU tensors it allocates in this process.</summary>
    public static bool IsOn { get; private set; }

    /// <summary>
    /// Loads TorchSharp's native libraries if no tensor has yet, then sets libtorch's zero-fill flag. Idempotent.
    /// Returns false, changing nothing, where the flag cannot be found in the libtorch this process loaded.
    /// </summary>
    public static bool TurnOn()
    {
        lock (Gate)
        {
            if (IsOn) return true;
            torch.InitializeDeviceType(DeviceType.CPU);
            if (FindFlag() is not { } flag) return false;
            Marshal.WriteByte(flag, 1);
            return IsOn = true;
        }
    }

    /// <summary>The flag in the c10 library TorchSharp loaded (see <see cref="LoadedLibrary"/>).</summary>
    private static IntPtr? FindFlag() =>
        OperatingSystem.IsWindows()
            ? LoadedLibrary.Export(LoadedLibrary.C10, WindowsFlagSymbol, FlagSymbol)
            : LoadedLibrary.Export(LoadedLibrary.C10, FlagSymbol);
}
