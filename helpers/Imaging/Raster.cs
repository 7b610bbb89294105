namespace Helpers;

/// <summary>
/// An 8-bit image in memory: rows top to bottom, channels interleaved
/// (1 grey, 2 grey + alpha, 3 RGB, 4 RGBA).
/// </summary>
internal sealed record Raster(int Width, int Height, int Channels, byte[] Pixels)
{
    public byte this[int row, int column, int channel] => Pixels[(row * Width + column) * Channels + channel];

    public bool HasColour => Channels >= 3;

    /// <summary>
    /// The same image with 1 (grey) or 3 (RGB) channels: alpha is dropped (not composited),
    /// grey is repeated into RGB, and RGB becomes grey by ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B).
    /// </summary>
    public Raster WithChannels(int channels)
    {
        if (channels is not (1 or 3)) throw new ArgumentOutOfRangeException(nameof(channels), channels, "channels must be 1 or 3");
        if (channels == Channels) return this;
        var pixels = new byte[Width * Height * channels];
        for (int p = 0, src = 0; p < Width * Height; p++, src += Channels)
        {
            if (channels == 1)
                pixels[p] = HasColour
                    ? (byte)Math.Round(0.299 * Pixels[src] + 0.587 * Pixels[src + 1] + 0.114 * Pixels[src + 2])
                    : Pixels[src];
            else
                for (var c = 0; c < 3; c++) pixels[3 * p + c] = Pixels[src + (HasColour ? c : 0)];
        }
        return new Raster(Width, Height, channels, pixels);
    }

    /// <summary>
    /// Bilinear resampling with pixel centres aligned as in PyTorch's interpolate(align_corners=False),
    /// without anti-aliasing (so strong shrinking skips detail; fine for thumbnails of a few hundred pixels).
    /// </summary>
    public Raster Resize(int height, int width)
    {
        if (height < 1 || width < 1) throw new ArgumentOutOfRangeException(nameof(height), $"target size {height}x{width} must be positive");
        if (height == Height && width == Width) return this;
        var pixels = new byte[width * height * Channels];
        for (var row = 0; row < height; row++)
        {
            var (r0, r1, fr) = Source(row, Height, height);
            for (var column = 0; column < width; column++)
            {
                var (c0, c1, fc) = Source(column, Width, width);
                for (var ch = 0; ch < Channels; ch++)
                {
                    var top = this[r0, c0, ch] * (1 - fc) + this[r0, c1, ch] * fc;
                    var bottom = this[r1, c0, ch] * (1 - fc) + this[r1, c1, ch] * fc;
                    pixels[(row * width + column) * Channels + ch] = (byte)Math.Round(top * (1 - fr) + bottom * fr);
                }
            }
        }
        return new Raster(width, height, Channels, pixels);
    }

    /// <summary>The two source indexes around a target index and the weight of the second.</summary>
    private static (int, int, double) Source(int target, int sourceSize, int targetSize)
    {
        var position = Math.Max(0, (target + 0.5) * sourceSize / targetSize - 0.5);
        var low = Math.Min((int)position, sourceSize - 1);
        return (low, Math.Min(low + 1, sourceSize - 1), position - low);
    }
}
