// Declarations of the native functions in binding/native/errors.cpp, C names unchanged.
namespace TorchSharp.Interop;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_last_error();

    [LibraryImport(LibraryName)]
    internal static partial void ts_clear_last_error();
}
