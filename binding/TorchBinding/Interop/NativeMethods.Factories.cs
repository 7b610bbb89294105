// Declarations of the native functions in binding/native/factories.cpp, C names unchanged.
namespace TorchSharp.Interop;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_zeros(long* dims, int ndim, sbyte dtype, int device_type, int device_index, sbyte requires_grad);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_ones(long* dims, int ndim, sbyte dtype, int device_type, int device_index, sbyte requires_grad);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_empty(long* dims, int ndim, sbyte dtype, int device_type, int device_index, sbyte requires_grad);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_full(long* dims, int ndim, Scalar value, sbyte dtype, int device_type, int device_index, sbyte requires_grad);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_rand(long* dims, int ndim, IntPtr generator, sbyte dtype, int device_type, int device_index, sbyte requires_grad);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_randn(long* dims, int ndim, IntPtr generator, sbyte dtype, int device_type, int device_index, sbyte requires_grad);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_randint(long low, long high, long* dims, int ndim, IntPtr generator, sbyte dtype, int device_type, int device_index, sbyte requires_grad);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_randperm(long n, IntPtr generator, sbyte dtype, int device_type, int device_index, sbyte requires_grad);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_arange(Scalar start, Scalar end, Scalar step, sbyte dtype, int device_type, int device_index, sbyte requires_grad);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_linspace(double start, double end, long steps, sbyte dtype, int device_type, int device_index, sbyte requires_grad);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_eye(long n, long m, sbyte dtype, int device_type, int device_index, sbyte requires_grad);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_scalar_tensor(Scalar value, sbyte dtype, int device_type, int device_index, sbyte requires_grad);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_zeros_like(IntPtr t, sbyte dtype, sbyte requires_grad);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_ones_like(IntPtr t, sbyte dtype, sbyte requires_grad);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_empty_like(IntPtr t, sbyte dtype, sbyte requires_grad);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_full_like(IntPtr t, Scalar value, sbyte dtype, sbyte requires_grad);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_rand_like(IntPtr t, sbyte dtype, sbyte requires_grad);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_randn_like(IntPtr t, sbyte dtype, sbyte requires_grad);
}
