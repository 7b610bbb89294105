using TorchSharp;
using static TorchSharp.torch;

namespace Bench.Models;

/// <summary>
/// Chapter 03's strided VAE (model B): stride-2 "same" convolutions and a dense layer down to a 2-D code, a
/// dense layer and one stride-2 transposed convolution back; per-pixel cross-entropy + 5e-4 x the KL's
/// bracket averaged; batch 32. TorchSharp refuses Padding.Same with a stride, so the strided layers pad
/// kernel / 2 on every side, as the notebook does: Keras' ceil(input / 2) outputs (28 -> 14 -> 7) and the same
/// work, though Keras would put the odd pixel of padding at the bottom and right only.
/// </summary>
internal sealed class ConvVaeB() : ConvVae(
    nn.Sequential(nn.Conv2d(1, 32, 3, stride: 2, padding: 1), nn.ReLU(), nn.Conv2d(32, 64, 3, stride: 2, padding: 1), nn.ReLU(),
                  nn.Flatten(), nn.Linear(3136, 64), nn.ReLU()),
    features: 64,
    nn.Sequential(nn.Linear(2, 12544), nn.ReLU(), nn.Unflatten(1, [64, 14, 14]),
                  nn.ConvTranspose2d(64, 32, 3, stride: 2, padding: 1, output_padding: 1), nn.ReLU(),
                  nn.Conv2d(32, 1, 5, Padding.Same), nn.Sigmoid()))
{
    public override int BatchSize => 32;

    // Encoder, then decoder; a transposed convolution applies its kernel at each of its input pixels.
    public override double FlopsPerStep =>
        ConvFlops(BatchSize, 14 * 14, 1, 32, 3) + ConvFlops(BatchSize, 7 * 7, 32, 64, 3) + DenseFlops(BatchSize, 3136, 64, 2 * 2)
        + DenseFlops(BatchSize, 2, 12544) + ConvFlops(BatchSize, 14 * 14, 64, 32, 3) + ConvFlops(BatchSize, 28 * 28, 32, 1, 5);

    // Kingma & Welling (2014), App. B, weighted as chapter 03's source B.
    protected override Tensor Loss(Tensor x, Tensor xHat, Tensor mu, Tensor logVar) =>
        ModelLosses.BinaryCrossEntropy(xHat, x) - 5e-4 * (1 + logVar - mu.square() - logVar.exp()).mean();
}
