using TorchSharp;

namespace Helpers;

/// <summary>Dynamic binarisation: a fresh black-and-white sample of each image every time it is drawn.</summary>
public static class Binarize
{
    /// <summary>Each pixel becomes 1 with probability equal to its intensity in [0, 1], else 0 (same dtype).</summary>
    public static torch.Tensor Sample(torch.Tensor images) => torch.bernoulli(images);
}
