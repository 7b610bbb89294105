// Declarations of the native functions in binding/native/tensor.cpp, C names unchanged.
namespace TorchSharp.Interop;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName)]
    internal static partial void ts_tensor_dispose(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial int ts_tensor_ndim(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial int ts_tensor_shape(IntPtr t, long* @out, int capacity);

    [LibraryImport(LibraryName)]
    internal static partial long ts_tensor_numel(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial int ts_tensor_dtype(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial int ts_tensor_device_type(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial int ts_tensor_device_index(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial int ts_tensor_is_defined(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_tensor_from_data(void* data, long nbytes, sbyte dtype, long* dims, int ndim, sbyte requires_grad);

    [LibraryImport(LibraryName)]
    internal static partial int ts_tensor_copy_to(IntPtr t, void* dest, long nbytes);

    [LibraryImport(LibraryName)]
    internal static partial int ts_tensor_item(IntPtr t, out double @out);

    [LibraryImport(LibraryName)]
    internal static partial int ts_tensor_item_int64(IntPtr t, out long @out);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_tensor_to_dtype(IntPtr t, sbyte dtype);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_tensor_to_device(IntPtr t, int device_type, int device_index);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_tensor_alias(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_tensor_clone(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_tensor_contiguous(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_tensor_detach(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial int ts_tensor_is_contiguous(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial int ts_list_size(IntPtr list);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_list_get(IntPtr list, int index);

    [LibraryImport(LibraryName)]
    internal static partial void ts_list_dispose(IntPtr list);
}
