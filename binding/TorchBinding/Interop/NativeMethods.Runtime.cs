// Declarations of the native functions in binding/native/runtime.cpp, C names unchanged.
namespace TorchSharp.Interop;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName)]
    internal static partial int ts_manual_seed(long seed);

    [LibraryImport(LibraryName)]
    internal static partial int ts_set_num_threads(int threads);

    [LibraryImport(LibraryName)]
    internal static partial int ts_get_num_threads();

    [LibraryImport(LibraryName)]
    internal static partial int ts_set_blas_threads(int threads);

    [LibraryImport(LibraryName)]
    internal static partial int ts_get_blas_threads();

    [LibraryImport(LibraryName)]
    internal static partial int ts_cuda_is_available();

    [LibraryImport(LibraryName)]
    internal static partial int ts_cuda_device_count();

    [LibraryImport(LibraryName)]
    internal static partial int ts_cuda_manual_seed_all(long seed);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_version();

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_build_info();

    [LibraryImport(LibraryName)]
    internal static partial int ts_uniform_(IntPtr t, double from, double to, IntPtr generator);

    [LibraryImport(LibraryName)]
    internal static partial int ts_normal_(IntPtr t, double mean, double std, IntPtr generator);

    [LibraryImport(LibraryName)]
    internal static partial int ts_bernoulli_(IntPtr t, double p, IntPtr generator);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_bernoulli(IntPtr probs, IntPtr generator);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_multinomial(IntPtr probs, long samples, sbyte replacement);
}
