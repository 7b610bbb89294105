using TorchSharp;

namespace Helpers;

/// <summary>
/// Images with one class label each: what the data-set loaders return.
/// Disposing it frees both tensors.
/// </summary>
public sealed class ImageDataset : IDisposable
{
    public ImageDataset(torch.Tensor images, torch.Tensor labels, IReadOnlyList<string> classNames)
    {
        var count = images.shape[0];
        if (labels.ndim != 1 || labels.shape[0] != count)
            throw new ArgumentException(
                $"labels must have shape [{count}] to match images of shape [{string.Join(", ", images.shape)}], got [{string.Join(", ", labels.shape)}]",
                nameof(labels));
        Images = images;
        Labels = labels;
        ClassNames = classNames;
    }

    /// <summary>float32 <c>[N, C, H, W]</c> with values in [0, 1].</summary>
    public torch.Tensor Images { get; }

    /// <summary>int64 <c>[N]</c>, indexes into <see cref="ClassNames"/>.</summary>
    public torch.Tensor Labels { get; }

    public IReadOnlyList<string> ClassNames { get; }

    public long Count => Labels.shape[0];

    /// <summary>Shuffled (or ordered) mini-batches of this data set; see <see cref="Batches"/>.</summary>
    public Batches Batches(int batchSize, bool shuffle = true, int seed = 0, bool dropLast = false) =>
        new(Images, Labels, batchSize, shuffle, seed, dropLast);

    public override string ToString() =>
        $"{Count} images [{string.Join(", ", Images.shape)}], {ClassNames.Count} classes";

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
