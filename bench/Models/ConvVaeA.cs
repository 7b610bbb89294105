using TorchSharp;
using static TorchSharp.torch;

namespace Bench.Models;

/// <summary>
/// Chapter 03's pooling VAE (model A): valid convolutions and max-pooling down to a 2-D code, transposed
/// convolutions and upsampling back to 28x28; 784 x MSE + the KL's bracket averaged; batch 64.
/// </summary>
internal sealed class ConvVaeA() : ConvVae(
    nn.Sequential(nn.Conv2d(1, 64, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(64, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
                  nn.Conv2d(64, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(32, 16)),
    features: 16,
    nn.Sequential(nn.Linear(2, 64), nn.Unflatten(1, [64, 1, 1]), nn.ConvTranspose2d(64, 64, 3), nn.ReLU(),
                  nn.ConvTranspose2d(64, 64, 3), nn.ReLU(), nn.Upsample(scale_factor: [2.0, 2.0]),
                  nn.ConvTranspose2d(64, 64, 3), nn.ReLU(), nn.Upsample(scale_factor: [2.0, 2.0]),
                  nn.ConvTranspose2d(64, 1, 5), nn.Sigmoid()))
{
    public override int BatchSize => 64;

    // Encoder, then decoder; a transposed convolution applies its kernel at each of its input pixels.
    public override double FlopsPerStep =>
        ConvFlops(BatchSize, 24 * 24, 1, 64, 5) + ConvFlops(BatchSize, 10 * 10, 64, 64, 3) + ConvFlops(BatchSize, 3 * 3, 64, 32, 3)
        + DenseFlops(BatchSize, 32, 16, 2 * 2)
        + DenseFlops(BatchSize, 2, 64) + ConvFlops(BatchSize, 1 + 3 * 3 + 10 * 10, 64, 64, 3) + ConvFlops(BatchSize, 24 * 24, 64, 1, 5);

    // Kingma & Welling (2014), App. B, weighted as chapter 03's source A.
    protected override Tensor Loss(Tensor x, Tensor xHat, Tensor mu, Tensor logVar) =>
        784 * nn.functional.mse_loss(xHat, x) - 0.5 * (1 + logVar - mu.square() - logVar.exp()).mean();
}
