// Declarations of the native functions in binding/native/shape.cpp, C names unchanged.
namespace TorchSharp.Interop;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_view(IntPtr t, long* dims, int ndim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_reshape(IntPtr t, long* dims, int ndim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_flatten(IntPtr t, long start_dim, long end_dim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_unflatten(IntPtr t, long dim, long* sizes, int nsizes);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_permute(IntPtr t, long* dims, int ndim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_transpose(IntPtr t, long dim0, long dim1);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_squeeze(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_squeeze_dim(IntPtr t, long dim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_unsqueeze(IntPtr t, long dim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_expand(IntPtr t, long* dims, int ndim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_narrow(IntPtr t, long dim, long start, long length);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_select(IntPtr t, long dim, long index);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_index_select(IntPtr t, long dim, IntPtr index);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_gather(IntPtr t, long dim, IntPtr index);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_repeat(IntPtr t, long* repeats, int n);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_flip(IntPtr t, long* dims, int n);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_cat(IntPtr* tensors, int count, long dim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_stack(IntPtr* tensors, int count, long dim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_chunk(IntPtr t, long chunks, long dim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_split(IntPtr t, long split_size, long dim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_split_sizes(IntPtr t, long* sizes, int n, long dim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_index(IntPtr t, long* kinds, long* starts, long* stops, long* steps, IntPtr* tensors, int count);

    [LibraryImport(LibraryName)]
    internal static partial int ts_index_put_(IntPtr t, long* kinds, long* starts, long* stops, long* steps, IntPtr* tensors, int count, IntPtr value);

    [LibraryImport(LibraryName)]
    internal static partial int ts_index_put_scalar_(IntPtr t, long* kinds, long* starts, long* stops, long* steps, IntPtr* tensors, int count, Scalar value);
}
