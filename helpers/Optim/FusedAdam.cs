using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Helpers;

/// <summary>
/// TorchSharp's Adam with its update fused: one vectorised pass over each parameter, its gradient and Adam's two
/// moving averages, instead of about ten tensor operations per parameter, each a pass over memory and a call into
/// libtorch. Same options, state and saved state as <c>optim.Adam</c>, and the same numbers to float32 rounding
/// (the tests compare the two step by step).
/// </summary>
/// <remarks>
/// The fused pass runs for float32 parameters on the CPU. For anything else (a GPU, another dtype, AMSGrad, a
/// non-contiguous tensor) a step is TorchSharp's own. It writes the parameters' memory directly, without bumping
/// autograd's version counters: a graph kept from before the step (<c>retain_graph</c>) does not notice the
/// change, as it would notice an in-place tensor operation.
/// </remarks>
public sealed class FusedAdam : Adam
{
    /// <summary>The same arguments as <c>optim.Adam</c>.</summary>
    public FusedAdam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
                     double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        : base(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize)
    {
    }

    /// <summary>
    /// Whether fused steps can run in this process: TorchSharp's glue exports the tensor-memory entry point they
    /// use (true for TorchSharp 0.107's native libraries). A step still falls back where a tensor is not CPU float32.
    /// </summary>
    public static bool CanFuse => FloatMemory.IsAvailable;

    /// <summary>How many of this optimizer's steps ran fused, and how many fell back to TorchSharp's update.</summary>
    public (int Fused, int Plain) Steps { get; private set; }

    /// <summary>
    /// Drops every parameter's gradient (PyTorch 2's default, <c>zero_grad(set_to_none=True)</c>): the next backward pass
    /// then hands its gradient over instead of adding it to zeros. A parameter the next loss does not reach has no
    /// gradient and is not updated, as in PyTorch. <c>zero_grad(set_to_none: false)</c> zeroes them in place, as
    /// TorchSharp's Adam does.
    /// </summary>
    public override void zero_grad() => zero_grad(set_to_none: true);

    /// <summary>Drops every parameter's gradient, or with <paramref name="set_to_none"/> false zeroes it in place.</summary>
    public void zero_grad(bool set_to_none)
    {
        if (set_to_none) FusedStep.DropGradients(_parameter_groups);
        else base.zero_grad();
    }

    /// <inheritdoc />
    public override Tensor step(Func<Tensor>? closure = null)
    {
        var (loss, fused) = FusedStep.Step(_parameter_groups, group => ((Options)group.Options).amsgrad == true,
                                           c => base.step(c), closure, StateTensors, Update);
        Steps = fused ? (Steps.Fused + 1, Steps.Plain) : (Steps.Fused, Steps.Plain + 1);
        return loss;
    }

    private Tensor[] StateTensors(Parameter parameter)
    {
        var state = (State)_state[parameter.Handle];
        return [state.exp_avg, state.exp_avg_sq];
    }

    private unsafe FusedUpdate Update(TorchSharp.Modules.ParamGroup group, Parameter parameter, Tensor gradient)
    {
        var options = (Options)group.Options;
        var state = (State)_state[parameter.Handle];
        state.step += 1;
        double beta1 = options.beta1!.Value, beta2 = options.beta2!.Value;
        var biasCorrection1 = 1 - Math.Pow(beta1, state.step);
        var biasCorrection2 = 1 - Math.Pow(beta2, state.step);
        var scalars = new AdamScalars(
            (float)beta1, (float)(1 - beta1), (float)beta2, (float)(1 - beta2), (float)Math.Sqrt(biasCorrection2),
            (float)options.eps!.Value, (float)(-options.LearningRate!.Value / biasCorrection1),
            (float)options.weight_decay!.Value, options.maximize == true);
        float* p = FloatMemory.Of(parameter), g = FloatMemory.Of(gradient);
        float* m = FloatMemory.Of(state.exp_avg), v = FloatMemory.Of(state.exp_avg_sq);
        return new FusedUpdate(parameter.numel(), (start, count) =>
            FusedKernels.Adam(p + start, g + start, m + start, v + start, count, scalars));
    }
}
