// Declarations of the native functions in binding/native/generator.cpp, C names unchanged.
namespace TorchSharp.Interop;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_generator_default();

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_generator_new(ulong seed);

    [LibraryImport(LibraryName)]
    internal static partial void ts_generator_dispose(IntPtr g);

    [LibraryImport(LibraryName)]
    internal static partial int ts_generator_manual_seed(IntPtr g, long seed);

    [LibraryImport(LibraryName)]
    internal static partial int ts_generator_seed(IntPtr g, long* seed);

    [LibraryImport(LibraryName)]
    internal static partial int ts_generator_initial_seed(IntPtr g, long* seed);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_generator_get_state(IntPtr g);

    [LibraryImport(LibraryName)]
    internal static partial int ts_generator_set_state(IntPtr g, IntPtr state);
}
