using TorchSharp;
using static TorchSharp.torch;

namespace Bench.Models;

/// <summary>
/// The optimizers the notebooks train with (the helpers' fused Adam and RMSprop), or TorchSharp's own with
/// <c>--optimizer torchsharp</c>, to measure what the fused update gives.
/// </summary>
internal static class Optimizers
{
    public static bool UseTorchSharps { get; set; }

    public static optim.Optimizer Adam(IEnumerable<TorchSharp.Modules.Parameter> parameters, double lr) =>
        UseTorchSharps ? optim.Adam(parameters, lr: lr) : new Helpers.FusedAdam(parameters, lr: lr);

    public static optim.Optimizer RMSProp(IEnumerable<TorchSharp.Modules.Parameter> parameters, double lr, double alpha, double eps) =>
        UseTorchSharps ? optim.RMSProp(parameters, lr: lr, alpha: alpha, eps: eps) : new Helpers.FusedRMSProp(parameters, lr: lr, alpha: alpha, eps: eps);
}
