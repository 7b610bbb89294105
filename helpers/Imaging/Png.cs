using SkiaSharp;

namespace Helpers;

/// <summary>Encodes rasters as PNG through SkiaSharp: grey stays one 8-bit channel, RGB three.</summary>
internal static class Png
{
    public static byte[] Encode(Raster image)
    {
        // Skia has no three-byte pixel format; RGB goes in as RGBx, which its encoder writes as PNG colour type 2 (RGB).
        var (colourType, pixels) = image.Channels switch
        {
            1 => (SKColorType.Gray8, image.Pixels),
            3 => (SKColorType.Rgb888x, image.ToRgbx()),
            _ => throw new ArgumentException($"a PNG is written from 1 (grey) or 3 (RGB) channels, got {image.Channels}", nameof(image)),
        };
        var info = new SKImageInfo(image.Width, image.Height, colourType, SKAlphaType.Opaque);
        using var pinned = new PinnedPixels(pixels);
        using var pixmap = new SKPixmap(info, pinned.Address, info.RowBytes);
        using var png = pixmap.Encode(SKPngEncoderOptions.Default)
            ?? throw new InvalidOperationException($"SkiaSharp could not encode a {image.Width}x{image.Height} {colourType} image as PNG");
        return png.ToArray();
    }
}
