using TorchSharp;

namespace Helpers;

/// <summary>
/// A data set stored as MNIST is: <c>train-</c>/<c>t10k-</c> image and label IDX files in one folder.
/// MNIST and Fashion-MNIST differ only in folder, name and class names.
/// </summary>
internal sealed record IdxImageSet(string Name, string FolderName, IReadOnlyList<string> ClassNames)
{
    public ImageDataset Load(string dataDir, Split split, int? limit)
    {
        if (limit is <= 0) throw new ArgumentOutOfRangeException(nameof(limit), limit, "limit must be positive");
        var folder = Path.Combine(dataDir, FolderName);
        var prefix = split == Split.Train ? "train" : "t10k";
        var imagePath = DataDirectory.Locate(folder, $"{prefix}-images-idx3-ubyte", Name);
        var labelPath = DataDirectory.Locate(folder, $"{prefix}-labels-idx1-ubyte", Name);
        var (imageDims, pixels) = IdxFile.Read(imagePath, rank: 3);
        var (labelDims, labelBytes) = IdxFile.Read(labelPath, rank: 1);
        if (imageDims[0] != labelDims[0])
            throw new InvalidDataException(
                $"{Path.GetFileName(imagePath)} holds {imageDims[0]} images but {Path.GetFileName(labelPath)} holds {labelDims[0]} labels");

        var count = Math.Min(imageDims[0], limit ?? int.MaxValue);
        var labels = new long[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = labelBytes[i];
            if (labels[i] >= ClassNames.Count)
                throw new InvalidDataException(
                    $"{Path.GetFileName(labelPath)}: label {labels[i]} at index {i} is outside 0..{ClassNames.Count - 1}");
        }
        var (height, width) = (imageDims[1], imageDims[2]);
        var images = PixelValues.ToTensor(pixels[..(count * height * width)], [count, 1, height, width]);
        return new ImageDataset(images, torch.tensor(labels), ClassNames);
    }
}
