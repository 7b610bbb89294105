using TorchSharp.Interop;

namespace TorchSharp.Modules;

/// <summary>Adam (Kingma &amp; Ba, 2015), with PyTorch's L2 weight decay and optional AMSGrad.</summary>
public sealed class Adam : torch.optim.Optimizer
{
    private readonly double beta1, beta2, eps, weightDecay;
    private readonly bool amsgrad, maximize;
    // PyTorch counts steps per parameter: a parameter without a gradient does not advance.
    private readonly Dictionary<int, long> steps = new();

    internal Adam(IEnumerable<Parameter> parameters, double lr, double beta1, double beta2, double eps,
                  double weight_decay, bool amsgrad, bool maximize)
        : base(parameters, lr, nameof(lr))
    {
        RequireFraction(beta1, nameof(beta1));
        RequireFraction(beta2, nameof(beta2));
        RequireNonNegative(eps, nameof(eps));
        RequireNonNegative(weight_decay, nameof(weight_decay));
        (this.beta1, this.beta2, this.eps, weightDecay) = (beta1, beta2, eps, weight_decay);
        (this.amsgrad, this.maximize) = (amsgrad, maximize);
    }

    protected override void Update(int index, Parameter parameter, torch.Tensor grad)
    {
        var step = steps.GetValueOrDefault(index) + 1;
        steps[index] = step;
        var maxExpAvgSq = amsgrad ? State(index, "max_exp_avg_sq").Handle : IntPtr.Zero;
        Native.Status(NativeMethods.ts_adam_step(parameter.Handle, grad.Handle, State(index, "exp_avg").Handle,
            State(index, "exp_avg_sq").Handle, maxExpAvgSq, step, LearningRate, beta1, beta2, eps, weightDecay,
            Native.Flag(maximize)));
    }
}
