using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Bench.Models;

/// <summary>The dense VAE of chapters 01 (tanh) and 02 (ReLU): 784-512-256-128, batch 100, Adam.</summary>
internal sealed class DenseVae : BenchModel
{
    private readonly Network network;
    private readonly optim.Optimizer optimizer;

    public DenseVae(string name, Func<Tensor, Tensor> activation)
    {
        Name = name;
        network = new Network(activation);
        optimizer = optim.Adam(network.parameters(), lr: 1e-3);
    }

    public override string Name { get; }
    public override int BatchSize => 100;
    public override double FlopsPerStep => DenseFlops(BatchSize, 784, 512, 256, 128) + DenseFlops(BatchSize, 256, 128)
                                           + DenseFlops(BatchSize, 128, 256, 512, 784);
    protected override nn.Module Module => network;
    protected override optim.Optimizer Optimizer => optimizer;

    // Kingma & Welling (2014), App. B, with the source's 1e-10 guard inside the logarithms.
    protected override Tensor Loss(Tensor x)
    {
        var flat = x.view(x.shape[0], -1);
        var (xHat, mu, logVar) = network.forward(flat);
        var reconstruction = -(flat * (xHat + 1e-10).log() + (1 - flat) * (1 - xHat + 1e-10).log()).sum(-1);
        var kl = -0.5 * (1 + logVar - mu.square() - logVar.exp()).sum(-1);
        return (reconstruction + kl).mean();
    }

    private sealed class Network : nn.Module<Tensor, (Tensor, Tensor, Tensor)>
    {
        private readonly Linear enc_0 = nn.Linear(784, 512), enc_1 = nn.Linear(512, 256);
        private readonly Linear z_mean = nn.Linear(256, 128), z_log_var = nn.Linear(256, 128);
        private readonly Linear dec_1 = nn.Linear(128, 256), dec_0 = nn.Linear(256, 512), output = nn.Linear(512, 784);
        private readonly Func<Tensor, Tensor> activation;

        public Network(Func<Tensor, Tensor> activation) : base("dense_vae")
        {
            this.activation = activation;
            RegisterComponents();
        }

        public override (Tensor, Tensor, Tensor) forward(Tensor x)
        {
            var h = activation(enc_1.call(activation(enc_0.call(x))));
            var mu = z_mean.call(h);
            var logVar = z_log_var.call(h);
            var z = mu + (0.5 * logVar).exp() * randn_like(mu);
            var xHat = output.call(activation(dec_0.call(activation(dec_1.call(z))))).sigmoid();
            return (xHat, mu, logVar);
        }
    }
}
