using TorchSharp;

namespace Helpers;

/// <summary>
/// Loads a folder of images arranged one sub-folder per class (as Keras' image_dataset_from_directory
/// and torchvision's ImageFolder expect): <c>root/horses/*.png</c>, <c>root/humans/*.jpg</c>.
/// Classes are the sub-folder names in ordinal order; files are read in ordinal order too. PNG, JPEG, BMP
/// and WebP files are read (by extension, any case), of any size and colour type; other files are skipped.
/// Every file is decoded before anything is returned: when some cannot be used, one error lists each of
/// them with what was wrong, and no data set is made.
/// </summary>
public static class ImageFolder
{
    /// <param name="root">The folder holding one sub-folder per class.</param>
    /// <param name="height">With <paramref name="width"/>: resize every image to this size (bilinear when
    /// enlarging, anti-aliased when shrinking; the aspect ratio is not kept). Without: all images must
    /// already share one size.</param>
    /// <param name="width">See <paramref name="height"/>.</param>
    /// <param name="channels">1 (grey, by ITU-R BT.601 luma) or 3 (RGB); by default 3 if any image has
    /// colour (a pixel whose red, green and blue differ), else 1. Alpha is dropped, not composited.</param>
    public static ImageDataset Load(string root, int? height = null, int? width = null, int? channels = null)
    {
        if (height.HasValue != width.HasValue)
            throw new ArgumentException($"give both height and width to resize, or neither (got height {height}, width {width})");
        if (height < 1 || width < 1)
            throw new ArgumentOutOfRangeException(nameof(height), $"the target size {width}x{height} must be positive");
        if (channels is not (null or 1 or 3))
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "channels must be 1 (grey) or 3 (RGB)");
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"image folder {root} does not exist");
        var classes = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>()
                               .Order(StringComparer.Ordinal).ToArray();
        if (classes.Length == 0) throw new InvalidDataException($"{root} has no sub-folders; put each class's images in its own sub-folder");

        var files = classes.SelectMany((name, label) =>
                Directory.GetFiles(Path.Combine(root, name)).Where(ImageFile.HasImageExtension)
                         .Order(StringComparer.Ordinal).Select(file => (file, label)))
            .ToArray();
        if (files.Length == 0)
            throw new InvalidDataException($"no {string.Join(", ", ImageFile.Extensions)} files in the class folders of {root}");

        var images = ReadAll(root, files.Select(f => f.file).ToArray(), height is { } h && width is { } w ? (h, w) : null);
        var grey = channels == 1 || channels is null && images.All(image => image.IsGrey);
        var (count, planes, size) = (images.Length, grey ? 1 : 3, images[0].Height * images[0].Width);
        if ((long)count * planes * size > Array.MaxLength)
            throw new InvalidDataException(
                $"{count} images of {images[0].Width}x{images[0].Height}x{planes} in {root} do not fit in one tensor's memory here; pass a smaller height and width");
        var pixels = new byte[count * planes * size];
        for (var i = 0; i < count; i++)
            ToPlanes(grey ? images[i].ToGrey() : images[i], pixels.AsSpan(i * planes * size, planes * size));
        var labels = torch.tensor(files.Select(f => (long)f.label).ToArray());
        return new ImageDataset(PixelValues.ToTensor(pixels, [count, planes, images[0].Height, images[0].Width]), labels, classes);
    }

    /// <summary>
    /// Decodes every file (as RGB, resized when a size is given), or fails listing every file that is broken,
    /// truncated, not an image, or (without a size) not the size of the first readable image.
    /// </summary>
    private static Raster[] ReadAll(string root, string[] files, (int Height, int Width)? size)
    {
        var images = new Raster?[files.Length];
        var problems = new string?[files.Length];
        for (var i = 0; i < files.Length; i++)
        {
            try
            {
                images[i] = ImageFile.ReadRgb(files[i], size);
            }
            catch (InvalidDataException e)
            {
                problems[i] = e.Message;
            }
        }
        if (size is null && Array.FindIndex(images, image => image is not null) is var first and >= 0)
        {
            var (width, height) = (images[first]!.Width, images[first]!.Height);
            for (var i = first + 1; i < files.Length; i++)
                if (images[i] is { } image && (image.Width, image.Height) != (width, height))
                    problems[i] = $"{files[i]}: {image.Width}x{image.Height}, but {files[first]} is {width}x{height}; " +
                                  "pass height and width to resize every image to one size";
        }
        var listed = problems.OfType<string>().ToArray();
        if (listed.Length > 0)
            throw new InvalidDataException(
                $"{listed.Length} of the {files.Length} image files in {root} cannot be used, so nothing was loaded:\n" +
                string.Join("\n", listed.Select(problem => "  " + problem)));
        return images.Select(image => image!).ToArray();
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
