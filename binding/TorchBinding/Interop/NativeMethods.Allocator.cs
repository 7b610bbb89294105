// Declarations of the native functions in binding/native/allocator.cpp, C names unchanged.
namespace TorchSharp.Interop;

internal static partial class NativeMethods
{
    [LibraryImport(LibraryName)]
    internal static partial long ts_kept_memory();

    [LibraryImport(LibraryName)]
    internal static partial int ts_release_kept_memory();
}
