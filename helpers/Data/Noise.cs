using TorchSharp;

namespace Helpers;

/// <summary>Corrupts images for denoising autoencoders.</summary>
public static class Noise
{
    /// <summary>
    /// <c>clamp(x + noiseFactor * N(0, 1), 0, 1)</c> per pixel, drawn from torch's generator
    /// (so <c>torch.manual_seed</c> makes it repeatable).
    /// </summary>
    public static torch.Tensor Add(torch.Tensor images, double noiseFactor = 0.5)
    {
        using var scope = torch.NewDisposeScope();
        var noisy = images + torch.randn_like(images) * noiseFactor;
        return noisy.clamp(0, 1).MoveToOuterDisposeScope();
    }
}
