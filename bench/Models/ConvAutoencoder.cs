using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Bench.Models;

/// <summary>Chapter 04's convolutional autoencoder on 28x28 images: SELU, max pooling, batch 32, SGD at 1.0.</summary>
internal sealed class ConvAutoencoder : BenchModel
{
    private readonly Sequential network = nn.Sequential(
        nn.Conv2d(1, 16, 3, Padding.Same), nn.SELU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, Padding.Same), nn.SELU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, Padding.Same), nn.SELU(), nn.MaxPool2d(2),
        nn.ConvTranspose2d(64, 32, 3, stride: 2), nn.SELU(),
        nn.ConvTranspose2d(32, 16, 3, stride: 2, padding: 1, output_padding: 1), nn.SELU(),
        nn.ConvTranspose2d(16, 1, 3, stride: 2, padding: 1, output_padding: 1), nn.Sigmoid());
    private readonly optim.Optimizer optimizer;

    public ConvAutoencoder() => optimizer = optim.SGD(network.parameters(), 1.0);

    public override int BatchSize => 32;
    public override double FlopsPerStep =>
        ConvFlops(BatchSize, 28 * 28, 1, 16, 3) + ConvFlops(BatchSize, 14 * 14, 16, 32, 3) + ConvFlops(BatchSize, 7 * 7, 32, 64, 3)
        + ConvFlops(BatchSize, 3 * 3, 64, 32, 3) + ConvFlops(BatchSize, 7 * 7, 32, 16, 3) + ConvFlops(BatchSize, 14 * 14, 16, 1, 3);
    protected override nn.Module Module => network;
    protected override optim.Optimizer Optimizer => optimizer;

    protected override Tensor Loss(Tensor x) => ModelLosses.BinaryCrossEntropy(network.call(x), x);
}
