// Declarations of the native functions in binding/native/optim.cpp, C names unchanged.
namespace TorchSharp.Interop;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName)]
    internal static partial int ts_adam_step(IntPtr param, IntPtr grad, IntPtr exp_avg, IntPtr exp_avg_sq, IntPtr max_exp_avg_sq, long step, double lr, double beta1, double beta2, double eps, double weight_decay, sbyte maximize);

    [LibraryImport(LibraryName)]
    internal static partial int ts_rmsprop_step(IntPtr param, IntPtr grad, IntPtr square_avg, IntPtr grad_avg, IntPtr momentum_buffer, double lr, double alpha, double eps, double weight_decay, double momentum, sbyte maximize);

    [LibraryImport(LibraryName)]
    internal static partial int ts_sgd_step(IntPtr param, IntPtr grad, IntPtr momentum_buffer, sbyte first, double lr, double momentum, double dampening, double weight_decay, sbyte nesterov, sbyte maximize);
}
