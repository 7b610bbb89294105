using TorchSharp;
using static TorchSharp.torch;

namespace Bench.Models;

/// <summary>A chapter's model as its notebook trains it: one step = forward, loss, backward, optimizer step.</summary>
internal abstract class BenchModel : IDisposable
{
    public abstract int BatchSize { get; }

    /// <summary>Shape of one input batch.</summary>
    public virtual long[] InputShape => [BatchSize, 1, 28, 28];

    /// <summary>At most this many timed steps per round (both sides alike), for a model whose steps take seconds.</summary>
    public virtual int MaxSteps => int.MaxValue;

    /// <summary>Multiply-adds x 2 of one training step (forward and both backward products), for GFLOP/s.</summary>
    public abstract double FlopsPerStep { get; }

    protected abstract nn.Module Module { get; }

    protected abstract optim.Optimizer Optimizer { get; }

    /// <summary>The batch's mean loss, built inside the step's dispose scope.</summary>
    protected abstract Tensor Loss(Tensor x);

    /// <summary>
    /// One training step in its own dispose scope, as the notebooks' loops run each batch; with <paramref name="phases"/>,
    /// the milliseconds of its forward pass and loss, its zero_grad and backward pass, and its optimizer step are added to it.
    /// </summary>
    public float Step(Tensor x, Phases? phases = null)
    {
        using var scope = NewDisposeScope();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var loss = Loss(x);
        var forward = clock.Elapsed.TotalMilliseconds;
        Optimizer.zero_grad();
        loss.backward();
        var backward = clock.Elapsed.TotalMilliseconds;
        Optimizer.step();
        phases?.Add(forward, backward - forward, clock.Elapsed.TotalMilliseconds - backward);
        return loss.item<float>();
    }

    /// <summary>Milliseconds of each step's three parts, step by step.</summary>
    public sealed class Phases
    {
        public List<double> Forward { get; } = [];
        public List<double> Backward { get; } = [];
        public List<double> Optimizer { get; } = [];

        public void Add(double forward, double backward, double optimizer)
        {
            Forward.Add(forward);
            Backward.Add(backward);
            Optimizer.Add(optimizer);
        }
    }

    /// <summary>Gives this model <paramref name="other"/>'s weights (the optimizers' state stays as it is).</summary>
    public void CopyWeightsFrom(BenchModel other, double scale = 1)
    {
        using var _ = no_grad();
        foreach (var (mine, theirs) in Module.parameters().Zip(other.Module.parameters())) mine.copy_(theirs).mul_(scale);
    }

    /// <summary>The largest difference between the two models' weights, relative to the largest weight.</summary>
    public double RelativeDifference(BenchModel other)
    {
        using var scope = NewDisposeScope();
        double difference = 0, largest = 0;
        foreach (var (mine, theirs) in Module.parameters().Zip(other.Module.parameters()))
        {
            difference = Math.Max(difference, (mine - theirs).abs().max().item<float>());
            largest = Math.Max(largest, theirs.abs().max().item<float>());
        }
        return difference / largest;
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

    /// <summary>The models by the names pytorch_baseline.py knows them by, in chapter order.</summary>
    public static IReadOnlyList<(string Name, Func<BenchModel> Create)> All { get; } =
    [
        ("01-dense-tanh", () => new DenseVae(MatmulDense.Create, h => h.tanh())),
        ("02-dense-relu", () => new DenseVae(KerasDense.Create, h => h.relu())),
        ("03-conv-a", () => new ConvVaeA()),
        ("03-conv-b", () => new ConvVaeB()),
        ("04-autoencoder", () => new ConvAutoencoder()),
        ("04-fashion-vae", () => new FashionVae()),
        ("04-probabilistic-vae", () => new ProbabilisticVae()),
    ];

    public static Func<BenchModel>? Find(string name) => All.FirstOrDefault(m => m.Name == name).Create;
}
