using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Bench.Models;

/// <summary>Chapter 04's dense VAE for Fashion-MNIST: 784-128-64-32, latent 10, batch 128, RMSprop with Keras' defaults.</summary>
internal sealed class FashionVae : BenchModel
{
    private readonly Network network = new();
    private readonly optim.Optimizer optimizer;

    public FashionVae() => optimizer = Optimizers.RMSProp(network.parameters(), lr: 0.001, alpha: 0.9, eps: 1e-7);

    public override int BatchSize => 128;
    public override double FlopsPerStep => DenseFlops(BatchSize, 784, 128, 64, 32) + 2 * DenseFlops(BatchSize, 32, 10)
                                           + DenseFlops(BatchSize, 10, 32, 64, 128, 784);
    protected override nn.Module Module => network;
    protected override optim.Optimizer Optimizer => optimizer;

    // Kingma & Welling (2014), App. B, scaled as in the source: per-pixel cross-entropy plus the KL over 784.
    protected override Tensor Loss(Tensor x)
    {
        var (xHat, mu, logVar) = network.call(x);
        var latentLoss = -0.5 * (1 + logVar - logVar.exp() - mu.square()).sum(1);
        return ModelLosses.BinaryCrossEntropy(xHat, x) + latentLoss.mean() / 784;
    }

    private sealed class Network : nn.Module<Tensor, (Tensor, Tensor, Tensor)>
    {
        private readonly Sequential encoder = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(),
                                                           nn.Linear(64, 32), nn.ReLU());
        private readonly Linear mean = nn.Linear(32, 10), logVariance = nn.Linear(32, 10);
        private readonly Sequential decoder = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 64), nn.ReLU(),
                                                           nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 784), nn.Sigmoid(),
                                                           nn.Unflatten(1, [1, 28, 28]));

        public Network() : base("fashion_vae") => RegisterComponents();

        public override (Tensor, Tensor, Tensor) forward(Tensor x)
        {
            var h = encoder.call(x);
            var (mu, logVar) = (mean.call(h), logVariance.call(h));
            return (decoder.call(mu + (logVar * 0.5).exp() * randn_like(mu)), mu, logVar);
        }
    }
}
