using SkiaSharp;

namespace Helpers;

/// <summary>
/// Reads the image files a data set is made of through SkiaSharp's decoders: PNG, JPEG, BMP and WebP of any
/// size, bit depth and colour type (grey, palette, RGB, with or without alpha, interlaced or progressive).
/// </summary>
internal static class ImageFile
{
    /// <summary>The file name extensions of the formats read, lower case with the dot.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".png", ".jpg", ".jpeg", ".bmp", ".webp"];

    private static readonly Dictionary<SKEncodedImageFormat, string> Formats = new()
    {
        [SKEncodedImageFormat.Png] = "PNG", [SKEncodedImageFormat.Jpeg] = "JPEG",
        [SKEncodedImageFormat.Bmp] = "BMP", [SKEncodedImageFormat.Webp] = "WebP",
    };

    /// <summary>
    /// The chunk every PNG ends with (length 0, type IEND, its CRC). Skia stops reading once it has every row, so
    /// without this check a PNG cut off after its pixel data would pass for whole.
    /// </summary>
    private static ReadOnlySpan<byte> PngEnd => [0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];

    private const string Expected = "a PNG, JPEG, BMP or WebP image";

    public static bool HasImageExtension(string path) =>
        Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The file's pixels as RGB, resized to <paramref name="size"/> when one is given and differs. Values are
    /// the stored ones (no colour management); alpha is dropped, not composited. Resizing is Skia's medium
    /// filter quality: bilinear when enlarging, bilinear from a mipmap level when shrinking, so a large
    /// reduction averages detail away instead of aliasing it.
    /// </summary>
    /// <exception cref="InvalidDataException">"path: problem" for a file that is not a whole image of a format read here.</exception>
    public static Raster ReadRgb(string path, (int Height, int Width)? size = null)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Error(path, $"cannot be read ({e.Message})");
        }
        if (bytes.Length == 0) throw Error(path, $"is empty (0 bytes); expected {Expected}");

        using var codec = SKCodec.Create(new SKMemoryStream(bytes), out var opened);
        if (codec is null)
            throw Error(path, opened == SKCodecResult.IncompleteInput
                ? $"truncated: its {bytes.Length} bytes end inside the image's header"
                : $"not {Expected} (it starts with the bytes {Convert.ToHexString(bytes, 0, Math.Min(8, bytes.Length))})");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (!Formats.TryGetValue(codec.EncodedFormat, out var format))
            throw Error(path, $"is a {codec.EncodedFormat.ToString().ToUpperInvariant()} image; expected {Expected}");
        if ((long)width * height * 4 > Array.MaxLength)
            throw Error(path, $"is a {width}x{height} {format} image, too large to decode in one piece");

        var rgba = new byte[width * height * 4];
        var decoded = Decode(codec, rgba);
        if (decoded != SKCodecResult.Success)
            throw Error(path, decoded switch
            {
                SKCodecResult.IncompleteInput =>
                    $"truncated: the data of its {width}x{height} {format} image ends early (the file has {bytes.Length} bytes)",
                SKCodecResult.ErrorInInput => $"corrupt: the data of its {width}x{height} {format} image cannot be decoded",
                _ => $"its {width}x{height} {format} image cannot be decoded ({decoded})",
            });
        if (codec.EncodedFormat == SKEncodedImageFormat.Png && bytes.AsSpan().IndexOf(PngEnd) < 0)
            throw Error(path, $"truncated: the file ({bytes.Length} bytes) ends before the PNG's end chunk (IEND)");
        for (var alpha = 3; alpha < rgba.Length; alpha += 4) rgba[alpha] = 255;

        if (size is { } target && target != (height, width))
            return Raster.FromRgba(target.Width, target.Height, Resize(rgba, width, height, target.Width, target.Height));
        return Raster.FromRgba(width, height, rgba);
    }

    /// <summary>Decodes into unpremultiplied RGBA, so colour under transparent pixels keeps its stored value.</summary>
    private static SKCodecResult Decode(SKCodec codec, byte[] rgba)
    {
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var pinned = new PinnedPixels(rgba);
        return codec.GetPixels(info, pinned.Address);
    }

    private static byte[] Resize(byte[] rgba, int width, int height, int targetWidth, int targetHeight)
    {
        var from = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var to = new SKImageInfo(targetWidth, targetHeight, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var resized = new byte[to.BytesSize];
        using var source = new PinnedPixels(rgba);
        using var target = new PinnedPixels(resized);
        using var sourceMap = new SKPixmap(from, source.Address, from.RowBytes);
        using var targetMap = new SKPixmap(to, target.Address, to.RowBytes);
        if (!sourceMap.ScalePixels(targetMap, SKFilterQuality.Medium))
            throw new InvalidOperationException($"SkiaSharp could not resize a {width}x{height} image to {targetWidth}x{targetHeight}");
        return resized;
    }

    private static InvalidDataException Error(string path, string problem) => new($"{path}: {problem}");
}
