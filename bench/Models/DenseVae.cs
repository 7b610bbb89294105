using TorchSharp;
using static TorchSharp.torch;

namespace Bench.Models;

/// <summary>The dense VAE of chapters 01 (tanh) and 02 (ReLU): 784-512-256-128, batch 100, Adam at 0.001.</summary>
internal sealed class DenseVae : BenchModel
{
    private readonly Network network;
    private readonly optim.Optimizer optimizer;

    public DenseVae(Func<long, long, nn.Module<Tensor, Tensor>> dense, Func<Tensor, Tensor> activation)
    {
        network = new Network(dense, activation);
        optimizer = Optimizers.Adam(network.parameters(), lr: 0.001);
    }

    public override int BatchSize => 100;
    public override double FlopsPerStep => DenseFlops(BatchSize, 784, 512, 256, 128) + DenseFlops(BatchSize, 256, 128)
                                           + DenseFlops(BatchSize, 128, 256, 512, 784);
    protected override nn.Module Module => network;
    protected override optim.Optimizer Optimizer => optimizer;

    // Kingma & Welling (2014), App. B, with the source's 1e-10 guard inside the logarithms.
    protected override Tensor Loss(Tensor x)
    {
        var input = x.flatten(1);
        var (xHat, mu, logVar) = network.call(input);
        var reconstruction = -(input * (1e-10 + xHat).log() + (1 - input) * (1e-10 + 1 - xHat).log()).sum(1);
        var regularisation = -0.5 * (1 + logVar - mu.square() - logVar.exp()).sum(1);
        return (reconstruction + regularisation).mean();
    }

    private sealed class Network : nn.Module<Tensor, (Tensor, Tensor, Tensor)>
    {
        private readonly nn.Module<Tensor, Tensor> enc_0, enc_1, z_mean, z_log_var, dec_1, dec_0, output;
        private readonly Func<Tensor, Tensor> activation;

        public Network(Func<long, long, nn.Module<Tensor, Tensor>> dense, Func<Tensor, Tensor> activation) : base("dense_vae")
        {
            (enc_0, enc_1) = (dense(784, 512), dense(512, 256));
            (z_mean, z_log_var) = (dense(256, 128), dense(256, 128));
            (dec_1, dec_0, output) = (dense(128, 256), dense(256, 512), dense(512, 784));
            this.activation = activation;
            RegisterComponents();
        }

        public override (Tensor, Tensor, Tensor) forward(Tensor x)
        {
            var h = activation(enc_1.call(activation(enc_0.call(x))));
            var (mu, logVar) = (z_mean.call(h), z_log_var.call(h));
            var z = mu + (logVar * 0.5).exp() * randn_like(mu);
            var xHat = output.call(activation(dec_0.call(activation(dec_1.call(z))))).sigmoid();
            return (xHat, mu, logVar);
        }
    }
}
