using System.Runtime.InteropServices;
using TorchSharp.Interop;

namespace TorchSharp;

public static partial class torch
{
    public static void set_num_threads(int threads)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "the number of threads must be at least 1");
        Native.Status(NativeMethods.ts_set_num_threads(threads));
    }

    public static int get_num_threads() => Native.Value(NativeMethods.ts_get_num_threads());

    /// <summary>
    /// Threads of OpenBLAS's own pool (0 when the BLAS loaded does not say); setting it does nothing where
    /// the BLAS has no such setting. The binding sets it once when it loads (NativeMethods.Library.cs).
    /// </summary>
    internal static int blas_threads
    {
        get => NativeMethods.ts_get_blas_threads();
        set => Native.Value(NativeMethods.ts_set_blas_threads(value));
    }

    /// <summary>Bytes of freed CPU tensor memory kept for the next tensors of the same size (binding/native/allocator.cpp).</summary>
    internal static long kept_memory_bytes => NativeMethods.ts_kept_memory();

    /// <summary>Gives the freed CPU tensor memory kept for reuse back to the system.</summary>
    internal static void release_kept_memory() => Native.Status(NativeMethods.ts_release_kept_memory());

    /// <summary>The libtorch version the native shim was built against.</summary>
    public static string __version__ => Marshal.PtrToStringUTF8(NativeMethods.ts_version()) ?? "unknown";

    /// <summary>libtorch's build configuration (BLAS, OpenMP, CPU capability).</summary>
    public static string build_info()
    {
        var info = NativeMethods.ts_build_info();
        if (info == IntPtr.Zero) Native.CheckForErrors();
        return Marshal.PtrToStringUTF8(info) ?? "";
    }
}
