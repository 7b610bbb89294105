using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Helpers;

/// <summary>
/// TorchSharp's RMSprop with its update fused into one vectorised pass over each parameter, its gradient and the
/// moving average of squared gradients. Same options, state and saved state as <c>optim.RMSProp</c>, and the same
/// numbers to float32 rounding. Centred RMSprop, momentum and non-CPU parameters take TorchSharp's own step (see
/// <see cref="FusedAdam"/> for the conditions).
/// </summary>
public sealed class FusedRMSProp : RMSProp
{
    /// <summary>The same arguments as <c>optim.RMSProp</c>.</summary>
    public FusedRMSProp(IEnumerable<Parameter> parameters, double lr = 1e-3, double alpha = 0.99, double eps = 1e-8,
                        double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false)
        : base(parameters, lr, alpha, eps, weight_decay, momentum, centered, maximize)
    {
    }

    /// <summary>How many of this optimizer's steps ran fused, and how many fell back to TorchSharp's update.</summary>
    public (int Fused, int Plain) Steps { get; private set; }

    /// <summary>
    /// Drops every parameter's gradient (PyTorch 2's default, <c>zero_grad(set_to_none=True)</c>): the next backward pass
    /// then hands its gradient over instead of adding it to zeros. A parameter the next loss does not reach has no
    /// gradient and is not updated, as in PyTorch. <c>zero_grad(set_to_none: false)</c> zeroes them in place, as
    /// TorchSharp's RMSprop does.
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
        var (loss, fused) = FusedStep.Step(_parameter_groups,
                                           group => ((Options)group.Options) is var o && (o.centered == true || o.momentum is > 0),
                                           c => base.step(c), closure, StateTensors, Update);
        Steps = fused ? (Steps.Fused + 1, Steps.Plain) : (Steps.Fused, Steps.Plain + 1);
        return loss;
    }

    private Tensor[] StateTensors(Parameter parameter) => [((State)_state[parameter.Handle]).square_avg];

    private unsafe FusedUpdate Update(TorchSharp.Modules.ParamGroup group, Parameter parameter, Tensor gradient)
    {
        var options = (Options)group.Options;
        var state = (State)_state[parameter.Handle];
        state.step += 1;
        var alpha = options.alpha!.Value;
        var scalars = new RmsPropScalars((float)alpha, (float)(1 - alpha), (float)options.eps!.Value,
                                         (float)-options.LearningRate!.Value, (float)options.weight_decay!.Value,
                                         options.maximize == true);
        float* p = FloatMemory.Of(parameter), g = FloatMemory.Of(gradient), square = FloatMemory.Of(state.square_avg);
        return new FusedUpdate(parameter.numel(), (start, count) =>
            FusedKernels.RmsProp(p + start, g + start, square + start, count, scalars));
    }
}
