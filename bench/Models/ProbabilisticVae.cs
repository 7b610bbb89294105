using TorchSharp;
using TorchSharp.Modules;
using Helpers;
using static TorchSharp.torch;

namespace Bench.Models;

/// <summary>
/// Chapter 04's probabilistic VAE (TensorFlow Probability's layers example): a convolutional encoder to a
/// full-covariance Gaussian over 16 dimensions, a transposed-convolution decoder to Bernoulli logits; batch 256,
/// Adam. TorchSharp refuses Padding.Same with a stride, so the two strided convolutions pad kernel / 2 on every
/// side, as the notebook does: Keras' ceil(input / 2) outputs (28 -> 14 -> 7) and the same work.
/// </summary>
internal sealed class ProbabilisticVae : BenchModel
{
    private const int LatentDim = 16;
    private readonly Network network = new();
    private readonly optim.Optimizer optimizer;

    public ProbabilisticVae() => optimizer = Optimizers.Adam(network.parameters(), lr: 0.001);

    public override int BatchSize => 256;
    public override int MaxSteps => 6;
    public override double FlopsPerStep =>
        ConvFlops(BatchSize, 28 * 28, 1, 32, 5) + ConvFlops(BatchSize, 14 * 14, 32, 32, 5) + ConvFlops(BatchSize, 14 * 14, 32, 64, 5)
        + ConvFlops(BatchSize, 7 * 7, 64, 64, 5) + ConvFlops(BatchSize, 1, 64, 64, 7) + DenseFlops(BatchSize, 64, 152)
        + ConvFlops(BatchSize, 1, LatentDim, 64, 7) + ConvFlops(BatchSize, 7 * 7, 64, 64, 5) + ConvFlops(BatchSize, 7 * 7, 64, 64, 5)
        + ConvFlops(BatchSize, 14 * 14, 64, 32, 5) + ConvFlops(BatchSize, 14 * 14, 32, 32, 5) + ConvFlops(BatchSize, 28 * 28, 32, 32, 5)
        + ConvFlops(BatchSize, 28 * 28, 32, 1, 5);
    protected override nn.Module Module => network;
    protected override optim.Optimizer Optimizer => optimizer;

    // Kingma & Welling (2014), App. B: -log p(x|z) for one z ~ q(z|x), plus KL(q(z|x) || p(z)) in closed form;
    // the image is binarised afresh each step, as the notebook's training loop does.
    protected override Tensor Loss(Tensor x)
    {
        var binary = Binarize.Sample(x);
        using var q = network.Encode(binary);
        using var likelihood = network.Decode(q.rsample());
        return (distributions.kl_divergence(q, network.Prior) - likelihood.log_prob(binary)).mean();
    }

    private sealed class Network : nn.Module
    {
        private readonly Sequential encoder = nn.Sequential(
            nn.Conv2d(1, 32, 5, Padding.Same), nn.LeakyReLU(0.2), nn.Conv2d(32, 32, 5, stride: 2, padding: 2), nn.LeakyReLU(0.2),
            nn.Conv2d(32, 64, 5, Padding.Same), nn.LeakyReLU(0.2), nn.Conv2d(64, 64, 5, stride: 2, padding: 2), nn.LeakyReLU(0.2),
            nn.Conv2d(64, 64, 7), nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(64, LatentDim + LatentDim * (LatentDim + 1) / 2));
        private readonly Sequential decoder = nn.Sequential(
            nn.Unflatten(1, [LatentDim, 1, 1]), nn.ConvTranspose2d(LatentDim, 64, 7), nn.LeakyReLU(0.2),
            nn.ConvTranspose2d(64, 64, 5, padding: 2), nn.LeakyReLU(0.2),
            nn.ConvTranspose2d(64, 64, 5, stride: 2, padding: 2, output_padding: 1), nn.LeakyReLU(0.2),
            nn.ConvTranspose2d(64, 32, 5, padding: 2), nn.LeakyReLU(0.2),
            nn.ConvTranspose2d(32, 32, 5, stride: 2, padding: 2, output_padding: 1), nn.LeakyReLU(0.2),
            nn.ConvTranspose2d(32, 32, 5, padding: 2), nn.LeakyReLU(0.2), nn.Conv2d(32, 1, 5, Padding.Same));

        public Network() : base("probabilistic_vae")
        {
            using (NewDisposeScope())
                Prior = distributions.Independent(distributions.Normal(zeros(LatentDim), ones(LatentDim)), 1);
            RegisterComponents();
        }

        public distributions.Distribution Prior { get; }

        public MultivariateNormal Encode(Tensor x)
        {
            var parameters = encoder.call(x - 0.5);
            return distributions.MultivariateNormal(parameters[.., ..LatentDim], scale_tril: ScaleTril(parameters[.., LatentDim..], LatentDim));
        }

        public Independent Decode(Tensor z) => distributions.Independent(distributions.Bernoulli(logits: decoder.call(z)), 3);

        protected override void Dispose(bool disposing)
        {
            if (disposing) Prior.Dispose();
            base.Dispose(disposing);
        }

        /// <summary>The d x d lower-triangular scale from d(d+1)/2 numbers per row of <paramref name="raw"/>: a positive diagonal, zeros above it.</summary>
        private static Tensor ScaleTril(Tensor raw, int d)
        {
            var index = Enumerable.Repeat((long)(d * (d + 1) / 2), d * d).ToArray();
            for (int row = 0, next = 0; row < d; row++)
                for (var column = 0; column <= row; column++) index[row * d + column] = next++;
            var square = nn.functional.pad(raw, [0, 1]).index_select(1, tensor(index)).view(-1, d, d);
            return square.tril(-1) + (nn.functional.softplus(square.diagonal(0, -2, -1)) + 1e-5).diag_embed();
        }
    }
}
