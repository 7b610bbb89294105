using TorchSharp;

namespace Helpers;

/// <summary>
/// A copy of N images as bytes in NCHW order, taken from a tensor in any of the layouts the chapters use:
/// <c>[N, C, H, W]</c> (C = 1 or 3), <c>[N, H, W]</c>, or flat <c>[N, H*W]</c> with square images.
/// Copying at once lets the caller dispose the tensor while the picture is still shown.
/// </summary>
internal sealed record ImageStack(int Count, int Channels, int Height, int Width, byte[] Pixels)
{
    public static ImageStack From(torch.Tensor images, string argument)
    {
        var shape = images.shape;
        var (count, channels, height, width) = shape.Length switch
        {
            4 => (shape[0], shape[1], shape[2], shape[3]),
            3 => (shape[0], 1L, shape[1], shape[2]),
            2 when IsSquare(shape[1]) => (shape[0], 1L, (long)Math.Sqrt(shape[1]), (long)Math.Sqrt(shape[1])),
            _ => throw new ArgumentException(
                $"{argument} must be [N, C, H, W], [N, H, W] or [N, H*W] with square images, got [{string.Join(", ", shape)}]", argument),
        };
        if (channels is not (1 or 3))
            throw new ArgumentException($"{argument} must have 1 (grey) or 3 (RGB) channels, got {channels} in [{string.Join(", ", shape)}]", argument);
        if (count == 0) throw new ArgumentException($"{argument} holds no images", argument);
        return new ImageStack((int)count, (int)channels, (int)height, (int)width, PixelValues.ToBytes(images));
    }

    private static bool IsSquare(long n) => n > 0 && (long)Math.Sqrt(n) * (long)Math.Sqrt(n) == n;

    /// <summary>Image <paramref name="index"/> as an interleaved raster.</summary>
    public Raster Image(int index)
    {
        var plane = Height * Width;
        var pixels = new byte[plane * Channels];
        var start = index * plane * Channels;
        for (var p = 0; p < plane; p++)
            for (var c = 0; c < Channels; c++)
                pixels[p * Channels + c] = Pixels[start + c * plane + p];
        return new Raster(Width, Height, Channels, pixels);
    }

    /// <summary>
    /// All images tiled row by row, <paramref name="columns"/> wide, each enlarged <paramref name="scale"/> times
    /// (nearest neighbour), with <paramref name="gap"/> white pixels between neighbours.
    /// </summary>
    public Raster Mosaic(int columns, int scale, int gap)
    {
        columns = Math.Min(columns, Count);
        var rows = (Count + columns - 1) / columns;
        var (cellWidth, cellHeight) = (Width * scale, Height * scale);
        var width = columns * cellWidth + (columns - 1) * gap;
        var height = rows * cellHeight + (rows - 1) * gap;
        var pixels = new byte[width * height * Channels];
        Array.Fill(pixels, (byte)255);
        var plane = Height * Width;
        for (var i = 0; i < Count; i++)
        {
            var (left, top) = (i % columns * (cellWidth + gap), i / columns * (cellHeight + gap));
            for (var y = 0; y < cellHeight; y++)
                for (var x = 0; x < cellWidth; x++)
                    for (var c = 0; c < Channels; c++)
                        pixels[((top + y) * width + left + x) * Channels + c] =
                            Pixels[(i * Channels + c) * plane + y / scale * Width + x / scale];
        }
        return new Raster(width, height, Channels, pixels);
    }
}
