using TorchSharp.Interop;

namespace TorchSharp.Modules;

/// <summary>RMSProp (Hinton, Coursera lecture 6e), optionally centered and with momentum, as in PyTorch.</summary>
public sealed class RMSProp : torch.optim.Optimizer
{
    private readonly double alpha, eps, weightDecay, momentum;
    private readonly bool centered, maximize;

    internal RMSProp(IEnumerable<Parameter> parameters, double lr, double alpha, double eps, double weight_decay,
                     double momentum, bool centered, bool maximize)
        : base(parameters, lr, nameof(lr))
    {
        RequireNonNegative(alpha, nameof(alpha));
        RequireNonNegative(eps, nameof(eps));
        RequireNonNegative(weight_decay, nameof(weight_decay));
        RequireNonNegative(momentum, nameof(momentum));
        (this.alpha, this.eps, weightDecay, this.momentum) = (alpha, eps, weight_decay, momentum);
        (this.centered, this.maximize) = (centered, maximize);
    }

    protected override void Update(int index, Parameter parameter, torch.Tensor grad)
    {
        var gradAvg = centered ? State(index, "grad_avg").Handle : IntPtr.Zero;
        var momentumBuffer = momentum > 0 ? State(index, "momentum_buffer").Handle : IntPtr.Zero;
        Native.Status(NativeMethods.ts_rmsprop_step(parameter.Handle, grad.Handle, State(index, "square_avg").Handle,
            gradAvg, momentumBuffer, LearningRate, alpha, eps, weightDecay, momentum, Native.Flag(maximize)));
    }
}
