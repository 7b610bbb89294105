using TorchSharp.Interop;

namespace TorchSharp.Modules;

/// <summary>Stochastic gradient descent with optional (Nesterov) momentum, as in PyTorch.</summary>
public sealed class SGD : torch.optim.Optimizer
{
    private readonly double momentum, dampening, weightDecay;
    private readonly bool nesterov, maximize;

    internal SGD(IEnumerable<Parameter> parameters, double learningRate, double momentum, double dampening,
                 double weight_decay, bool nesterov, bool maximize)
        : base(parameters, learningRate, nameof(learningRate))
    {
        RequireNonNegative(momentum, nameof(momentum));
        RequireNonNegative(weight_decay, nameof(weight_decay));
        if (nesterov && (momentum <= 0 || dampening != 0))
            throw new ArgumentException($"Nesterov momentum needs momentum > 0 and dampening = 0 (got momentum {momentum}, dampening {dampening})", nameof(nesterov));
        (this.momentum, this.dampening, weightDecay) = (momentum, dampening, weight_decay);
        (this.nesterov, this.maximize) = (nesterov, maximize);
    }

    protected override void Update(int index, Parameter parameter, torch.Tensor grad)
    {
        var momentumBuffer = IntPtr.Zero;
        var first = false;
        if (momentum != 0)
        {
            // The first step copies the gradient into the buffer instead of averaging it with zeros.
            first = !HasState(index, "momentum_buffer");
            momentumBuffer = State(index, "momentum_buffer").Handle;
        }
        Native.Status(NativeMethods.ts_sgd_step(parameter.Handle, grad.Handle, momentumBuffer, Native.Flag(first),
            LearningRate, momentum, dampening, weightDecay, Native.Flag(nesterov), Native.Flag(maximize)));
    }
}
