// Declarations of the native functions in binding/native/autograd.cpp, C names unchanged.
namespace TorchSharp.Interop;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName)]
    internal static partial int ts_requires_grad(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial int ts_set_requires_grad(IntPtr t, sbyte requires_grad);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_grad(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial int ts_set_grad(IntPtr t, IntPtr grad);

    [LibraryImport(LibraryName)]
    internal static partial int ts_backward(IntPtr t, IntPtr gradient, sbyte retain_graph, sbyte create_graph);

    [LibraryImport(LibraryName)]
    internal static partial int ts_is_grad_enabled();

    [LibraryImport(LibraryName)]
    internal static partial int ts_set_grad_enabled(sbyte enabled);
}
