using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Bench.Models;

/// <summary>
/// Chapter 01's layer, which that notebook writes out from bare parameters: x W + b with W stored
/// inputs x outputs (Glorot-uniform) and b zero, so its step runs a product and an add, not one addmm.
/// </summary>
internal sealed class MatmulDense : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight, bias;

    private MatmulDense(long inputs, long outputs) : base(nameof(MatmulDense))
    {
        weight = nn.Parameter(nn.init.glorot_uniform_(empty(inputs, outputs)));
        bias = nn.Parameter(zeros(outputs));
        RegisterComponents();
    }

    public static nn.Module<Tensor, Tensor> Create(long inputs, long outputs) => new MatmulDense(inputs, outputs);

    public override Tensor forward(Tensor x) => x.matmul(weight) + bias;
}
