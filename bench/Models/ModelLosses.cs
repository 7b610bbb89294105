using static TorchSharp.torch;

namespace Bench.Models;

/// <summary>
/// The loss the notebooks train with (the helpers' binary cross-entropy), or libtorch's with <c>--loss libtorch</c>,
/// to measure what the vectorised loss gives.
/// </summary>
internal static class ModelLosses
{
    public static bool UseLibtorchs { get; set; }

    public static Tensor BinaryCrossEntropy(Tensor probabilities, Tensor target) =>
        UseLibtorchs ? nn.functional.binary_cross_entropy(probabilities, target) : Helpers.Losses.BinaryCrossEntropy(probabilities, target);
}
