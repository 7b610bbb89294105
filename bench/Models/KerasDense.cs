using TorchSharp;
using static TorchSharp.torch;

namespace Bench.Models;

/// <summary>Chapter 02's layer: a Linear initialised as Keras' Dense is (Glorot-uniform weight, zero bias).</summary>
internal static class KerasDense
{
    public static nn.Module<Tensor, Tensor> Create(long inputs, long outputs)
    {
        var layer = nn.Linear(inputs, outputs);
        nn.init.glorot_uniform_(layer.weight);
        nn.init.zeros_(layer.bias!);
        return layer;
    }
}
