using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Bench.Models;

/// <summary>
/// Chapter 04's probabilistic VAE (TensorFlow Probability's layers example): a convolutional encoder to a
/// full-covariance Gaussian over 16 dimensions, a transposed-convolution decoder to Bernoulli logits; batch 256, Adam.
/// </summary>
internal sealed class ProbabilisticVae : BenchModel
{
    private const int LatentDim = 16;
    private readonly Network network = new();
    private readonly optim.Optimizer optimizer;

    public ProbabilisticVae() => optimizer = optim.Adam(network.parameters(), lr: 1e-3);

    public override string Name => "04-probabilistic-vae";
    public override int BatchSize => 256;
    public override double FlopsPerStep =>
        ConvFlops(BatchSize, 28 * 28, 1, 32, 5) + ConvFlops(BatchSize, 14 * 14, 32, 32, 5) + ConvFlops(BatchSize, 14 * 14, 32, 64, 5)
        + ConvFlops(BatchSize, 7 * 7, 64, 64, 5) + ConvFlops(BatchSize, 1, 64, 64, 7) + DenseFlops(BatchSize, 64, 152)
        + ConvFlops(BatchSize, 1, LatentDim, 64, 7) + ConvFlops(BatchSize, 7 * 7, 64, 64, 5) + ConvFlops(BatchSize, 7 * 7, 64, 64, 5)
        + ConvFlops(BatchSize, 14 * 14, 64, 32, 5) + ConvFlops(BatchSize, 14 * 14, 32, 32, 5) + ConvFlops(BatchSize, 28 * 28, 32, 32, 5)
        + ConvFlops(BatchSize, 28 * 28, 32, 1, 5);
    protected override nn.Module Module => network;
    protected override optim.Optimizer Optimizer => optimizer;

    // Kingma & Welling (2014), App. B: -log p(x|z) for one z ~ q(z|x), plus KL(q(z|x) || N(0, I)) in closed form.
    protected override Tensor Loss(Tensor x)
    {
        var binary = x.bernoulli();
        using var posterior = network.call(binary);
        using var prior = distributions.Independent(distributions.Normal(zeros(LatentDim), ones(LatentDim)), 1);
        using var likelihood = distributions.Independent(distributions.Bernoulli(logits: network.Decode(posterior.rsample())), 3);
        return (distributions.kl_divergence(posterior, prior) - likelihood.log_prob(binary)).mean();
    }

    private sealed class Network : nn.Module<Tensor, distributions.Distribution>
    {
        private readonly Sequential encoder = nn.Sequential(
            nn.Conv2d(1, 32, 5, Padding.Same), nn.LeakyReLU(0.2), nn.Conv2d(32, 32, 5, Padding.Same, stride: 2), nn.LeakyReLU(0.2),
            nn.Conv2d(32, 64, 5, Padding.Same), nn.LeakyReLU(0.2), nn.Conv2d(64, 64, 5, Padding.Same, stride: 2), nn.LeakyReLU(0.2),
            nn.Conv2d(64, 64, 7), nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(64, LatentDim + LatentDim * (LatentDim + 1) / 2));
        private readonly Sequential decoder = nn.Sequential(
            nn.Unflatten(1, [LatentDim, 1, 1]), nn.ConvTranspose2d(LatentDim, 64, 7), nn.LeakyReLU(0.2),
            nn.ConvTranspose2d(64, 64, 5, padding: 2), nn.LeakyReLU(0.2),
            nn.ConvTranspose2d(64, 64, 5, stride: 2, padding: 2, output_padding: 1), nn.LeakyReLU(0.2),
            nn.ConvTranspose2d(64, 32, 5, padding: 2), nn.LeakyReLU(0.2),
            nn.ConvTranspose2d(32, 32, 5, stride: 2, padding: 2, output_padding: 1), nn.LeakyReLU(0.2),
            nn.ConvTranspose2d(32, 32, 5, padding: 2), nn.LeakyReLU(0.2), nn.Conv2d(32, 1, 5, Padding.Same));
        private readonly Tensor lowerTriangle = LowerTriangleIndex(LatentDim);

        public Network() : base("probabilistic_vae") => RegisterComponents();

        public override distributions.Distribution forward(Tensor x)
        {
            var parameters = encoder.call(x - 0.5);
            var (mu, raw) = (parameters[.., ..LatentDim], parameters[.., LatentDim..]);
            var square = nn.functional.pad(raw, [0, 1]).index_select(1, lowerTriangle).view(-1, LatentDim, LatentDim);
            var scaleTril = square.tril(-1) + (nn.functional.softplus(square.diagonal(0, -2, -1)) + 1e-5).diag_embed();
            return distributions.MultivariateNormal(mu, scale_tril: scaleTril);
        }

        public Tensor Decode(Tensor z) => decoder.call(z);

        /// <summary>For each entry of a d x d matrix, which of the d(d+1)/2 parameters fills it; d(d+1)/2 (a zero) above the diagonal.</summary>
        private static Tensor LowerTriangleIndex(int d)
        {
            var index = new long[d * d];
            for (int row = 0, next = 0; row < d; row++)
                for (var column = 0; column < d; column++)
                    index[row * d + column] = column <= row ? next++ : d * (d + 1) / 2;
            return tensor(index);
        }
    }
}
