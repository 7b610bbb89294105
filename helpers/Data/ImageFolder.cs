using TorchSharp;

namespace Helpers;

/// <summary>
/// Loads a folder of PNG images arranged one sub-folder per class (as Keras' image_dataset_from_directory
/// and torchvision's ImageFolder expect): <c>root/horses/*.png</c>, <c>root/humans/*.png</c>.
/// Classes are the sub-folder names in ordinal order; files are read in ordinal order too.
/// </summary>
public static class ImageFolder
{
    /// <param name="root">The folder holding one sub-folder per class.</param>
    /// <param name="height">With <paramref name="width"/>: resize every image bilinearly to this size
    /// (PyTorch's interpolate with align_corners=False, no anti-aliasing). Without: all images must
    /// already share the first image's size.</param>
    /// <param name="width">See <paramref name="height"/>.</param>
    /// <param name="channels">1 (grey) or 3 (RGB); by default 3 if any image has colour, else 1.
    /// Alpha is dropped.</param>
    public static ImageDataset Load(string root, int? height = null, int? width = null, int? channels = null)
    {
        if (height.HasValue != width.HasValue)
            throw new ArgumentException($"give both height and width to resize, or neither (got height {height}, width {width})");
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"image folder {root} does not exist");
        var classes = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>()
                               .Order(StringComparer.Ordinal).ToArray();
        if (classes.Length == 0) throw new InvalidDataException($"{root} has no sub-folders; put each class's images in its own sub-folder");

        var files = classes.SelectMany((name, label) =>
                Directory.GetFiles(Path.Combine(root, name), "*.png", new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive })
                         .Order(StringComparer.Ordinal).Select(file => (file, label)))
            .ToArray();
        if (files.Length == 0) throw new InvalidDataException($"no .png files in the class folders of {root}");

        var images = files.Select(f => PngDecoder.Read(f.file)).ToArray();
        var targetChannels = channels ?? (images.Any(i => i.HasColour) ? 3 : 1);
        var (h, w) = (height ?? images[0].Height, width ?? images[0].Width);
        var pixels = new byte[(long)images.Length * targetChannels * h * w];
        for (var i = 0; i < images.Length; i++)
        {
            var image = images[i].WithChannels(targetChannels);
            if (height is null && (image.Height != h || image.Width != w))
                throw new InvalidDataException(
                    $"{files[i].file} is {image.Width}x{image.Height} but {files[0].file} is {w}x{h}; pass height and width to resize");
            ToPlanes(image.Resize(h, w), pixels.AsSpan(i * targetChannels * h * w));
        }
        var labels = torch.tensor(files.Select(f => (long)f.label).ToArray());
        return new ImageDataset(PixelValues.ToTensor(pixels, [images.Length, targetChannels, h, w]), labels, classes);
    }

    /// <summary>Interleaved HWC pixels to the CHW planes tensors use.</summary>
    private static void ToPlanes(Raster image, Span<byte> target)
    {
        var plane = image.Width * image.Height;
        for (var p = 0; p < plane; p++)
            for (var c = 0; c < image.Channels; c++)
                target[c * plane + p] = image.Pixels[p * image.Channels + c];
    }
}
