using TorchSharp;
using static TorchSharp.torch;

namespace Bench.Models;

/// <summary>A chapter's model as the benchmark trains it: one step = forward, loss, backward, optimizer step.</summary>
internal abstract class BenchModel : IDisposable
{
    /// <summary>The name shared with pytorch_baseline.py.</summary>
    public abstract string Name { get; }

    public abstract int BatchSize { get; }

    /// <summary>Shape of one input batch.</summary>
    public virtual long[] InputShape => [BatchSize, 1, 28, 28];

    /// <summary>Multiply-adds x 2 of one training step (forward and both backward products), for GFLOP/s.</summary>
    public abstract double FlopsPerStep { get; }

    protected abstract nn.Module Module { get; }

    protected abstract optim.Optimizer Optimizer { get; }

    protected abstract Tensor Loss(Tensor x);

    public float Step(Tensor x)
    {
        using var scope = NewDisposeScope();
        Optimizer.zero_grad();
        var loss = Loss(x);
        loss.backward();
        Optimizer.step();
        return loss.item<float>();
    }

    public void Dispose()
    {
        Optimizer.Dispose();
        Module.Dispose();
    }

    /// <summary>FLOPs of a dense layer's forward pass plus its two backward products.</summary>
    protected static double DenseFlops(int batch, params int[] sizes)
    {
        double total = 0;
        for (var i = 0; i + 1 < sizes.Length; i++) total += 3.0 * 2 * batch * sizes[i] * sizes[i + 1];
        return total;
    }

    /// <summary>
    /// FLOPs of a convolution's forward pass plus its two backward products: the kernel is applied at
    /// <paramref name="positions"/> places (the output pixels of a convolution, the input pixels of a transposed one).
    /// </summary>
    protected static double ConvFlops(int batch, int positions, int inChannels, int outChannels, int kernel) =>
        3.0 * 2 * batch * positions * inChannels * outChannels * kernel * kernel;

    public static IReadOnlyList<Func<BenchModel>> All { get; } =
    [
        () => new DenseVae("01-dense-tanh", nn.functional.tanh),
        () => new DenseVae("02-dense-relu", nn.functional.relu),
        () => new ConvVaeA(),
        () => new ConvVaeB(),
        () => new ConvAutoencoder(),
        () => new FashionVae(),
        () => new ProbabilisticVae(),
    ];
}
