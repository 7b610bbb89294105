using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TorchSharp.Interop;

/// <summary>Finds the native shim next to this assembly, as a notebook's <c>#r "path.dll"</c> needs.</summary>
internal static unsafe partial class NativeMethods
{
    internal const string LibraryName = "torchshim";
    internal const string LibraryFile = "libtorchshim.so";

    /// <summary>Overrides where the shim is loaded from (a file path).</summary>
    internal const string PathVariable = "TORCHSHIM_PATH";

    private static readonly object LoadLock = new();
    private static IntPtr loaded;

    [ModuleInitializer]
    internal static void RegisterResolver() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeMethods).Assembly, Resolve);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibraryName) return IntPtr.Zero;
        var path = Environment.GetEnvironmentVariable(PathVariable);
        if (string.IsNullOrEmpty(path))
            path = Path.Combine(Path.GetDirectoryName(assembly.Location) ?? AppContext.BaseDirectory, LibraryFile);
        if (!File.Exists(path))
            throw new DllNotFoundException(
                $"The native part of the torch binding was not found: looked for '{path}'. " +
                "Build it with 'make setup' in the repository root (it needs libtorch-dev from Debian).");
        try
        {
            // The runtime asks again for each declaration it binds: set up the library once only, or a
            // later binding would undo the user's set_num_threads (and clear a pending error message).
            lock (LoadLock)
            {
                if (loaded != IntPtr.Zero) return loaded;
                var library = NativeLibrary.Load(path);
                UseAllCores(library);
                KeepFreedMemory(library);
                ShareTwoCoresWithBlas(library);
                return loaded = library;
            }
        }
        catch (DllNotFoundException e)
        {
            throw new DllNotFoundException(
                $"'{path}' exists but could not be loaded: {e.Message} " +
                "Is libtorch installed? 'make setup' installs libtorch-dev and libopenblas0-pthread.", e);
        }
    }

    /// <summary>Set to 0 to let glibc return freed tensor memory to the system (see <see cref="KeepFreedMemory"/>).</summary>
    internal const string KeepFreedMemoryVariable = "TORCHSHIM_KEEP_FREED_MEMORY";

    /// <summary>
    /// CPU tensor memory freed in one training step is kept for the next (up to 1 GiB, by size), instead of
    /// being returned to the system and faulted in again page by page: on a virtual machine that more than
    /// halves the step time of the convolutional models. Memory use then stays near its peak between steps.
    /// Skipped when <see cref="KeepFreedMemoryVariable"/> is 0.
    /// </summary>
    private static unsafe void KeepFreedMemory(IntPtr library)
    {
        if (Environment.GetEnvironmentVariable(KeepFreedMemoryVariable) == "0") return;
        var keepFreedMemory = (delegate* unmanaged<long, int>)NativeLibrary.GetExport(library, "ts_keep_freed_memory");
        if (keepFreedMemory(1L << 30) == 0) return;
        // Not installed: libtorch's own allocator stays, which is only slower. Drop the recorded message.
        ((delegate* unmanaged<void>)NativeLibrary.GetExport(library, "ts_clear_last_error"))();
    }

    /// <summary>
    /// On a machine of two cores, matrix products run on one thread. OpenBLAS (Debian's pthread build)
    /// keeps a pool of its own beside libtorch's OpenMP threads, and its idle workers spin; with both pools
    /// sized to the machine, two cores carry three or four busy threads. Measured on the project's 2-vCPU
    /// build machine, one BLAS thread made every chapter's training step faster (chapter 03's model A
    /// 62-85 ms to 45-48 ms, the dense VAE 19-20 ms to 16 ms). Larger machines keep OpenBLAS's default;
    /// OPENBLAS_NUM_THREADS or OMP_NUM_THREADS, when set, win.
    /// </summary>
    private static unsafe void ShareTwoCoresWithBlas(IntPtr library)
    {
        if (Environment.ProcessorCount > 2) return;
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OPENBLAS_NUM_THREADS"))) return;
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OMP_NUM_THREADS"))) return;
        var setBlasThreads = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(library, "ts_set_blas_threads");
        setBlasThreads(1);
    }

    /// <summary>
    /// libtorch starts with one thread per physical core, which is a single thread on a two-vCPU
    /// machine; like TorchSharp's users expect, we start with every core unless OMP_NUM_THREADS says otherwise.
    /// </summary>
    private static unsafe void UseAllCores(IntPtr library)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OMP_NUM_THREADS"))) return;
        var setNumThreads = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(library, "ts_set_num_threads");
        setNumThreads(Environment.ProcessorCount);
    }
}
