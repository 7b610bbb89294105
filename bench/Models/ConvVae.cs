using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Bench.Models;

/// <summary>
/// What chapter 03's two convolutional VAEs share: an encoder body with two dense heads for a 2-D code, the
/// sampling step, a decoder, and Adam at Keras' default learning rate. Subclasses give the layers and the loss.
/// </summary>
internal abstract class ConvVae : BenchModel
{
    private readonly Network network;
    private readonly optim.Optimizer optimizer;

    protected ConvVae(Sequential encoder, long features, Sequential decoder)
    {
        network = new Network(encoder, features, decoder);
        optimizer = Optimizers.Adam(network.parameters(), lr: 0.001);
    }

    protected override nn.Module Module => network;
    protected override optim.Optimizer Optimizer => optimizer;

    protected abstract Tensor Loss(Tensor x, Tensor xHat, Tensor mu, Tensor logVar);

    protected override Tensor Loss(Tensor x)
    {
        var (xHat, mu, logVar) = network.forward(x);
        return Loss(x, xHat, mu, logVar);
    }

    private sealed class Network : nn.Module<Tensor, (Tensor, Tensor, Tensor)>
    {
        private readonly Sequential encoder, decoder;
        private readonly Linear mean, log_variance;

        public Network(Sequential encoder, long features, Sequential decoder) : base("conv_vae")
        {
            (this.encoder, this.decoder) = (encoder, decoder);
            (mean, log_variance) = (nn.Linear(features, 2), nn.Linear(features, 2));
            RegisterComponents();
        }

        public override (Tensor, Tensor, Tensor) forward(Tensor x)
        {
            var h = encoder.call(x);
            var (mu, logVar) = (mean.call(h), log_variance.call(h));
            var z = mu + (0.5 * logVar).exp() * randn_like(mu);
            return (decoder.call(z), mu, logVar);
        }
    }
}
