namespace Helpers;

/// <summary>
/// An 8-bit image in memory, grey (1 channel) or RGB (3): rows top to bottom, channels interleaved.
/// </summary>
internal sealed record Raster(int Width, int Height, int Channels, byte[] Pixels)
{
    /// <summary>The RGB part of RGBA pixels; alpha is dropped, not composited.</summary>
    public static Raster FromRgba(int width, int height, byte[] rgba)
    {
        var rgb = new byte[width * height * 3];
        for (int p = 0, q = 0; p < rgb.Length; p += 3, q += 4)
            (rgb[p], rgb[p + 1], rgb[p + 2]) = (rgba[q], rgba[q + 1], rgba[q + 2]);
        return new Raster(width, height, 3, rgb);
    }

    /// <summary>Whether every pixel is a shade of grey: one channel, or red, green and blue equal everywhere.</summary>
    public bool IsGrey
    {
        get
        {
            if (Channels == 1) return true;
            for (var p = 0; p < Pixels.Length; p += 3)
                if (Pixels[p] != Pixels[p + 1] || Pixels[p + 1] != Pixels[p + 2]) return false;
            return true;
        }
    }

    /// <summary>
    /// The image in one channel: RGB by ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B, as Pillow's and
    /// TensorFlow's grey conversions), which leaves a shade of grey as it is.
    /// </summary>
    public Raster ToGrey()
    {
        if (Channels == 1) return this;
        var grey = new byte[Width * Height];
        for (var p = 0; p < grey.Length; p++)
            grey[p] = (byte)Math.Round(0.299 * Pixels[3 * p] + 0.587 * Pixels[3 * p + 1] + 0.114 * Pixels[3 * p + 2]);
        return new Raster(Width, Height, 1, grey);
    }

    /// <summary>RGB pixels padded to four bytes each (the fourth 255), the layout of Skia's RGBx and opaque RGBA.</summary>
    public byte[] ToRgbx()
    {
        if (Channels != 3) throw new InvalidOperationException($"RGBx needs an RGB raster, this one has {Channels} channels");
        var rgbx = new byte[Width * Height * 4];
        for (int p = 0, q = 0; p < Pixels.Length; p += 3, q += 4)
            (rgbx[q], rgbx[q + 1], rgbx[q + 2], rgbx[q + 3]) = (Pixels[p], Pixels[p + 1], Pixels[p + 2], 255);
        return rgbx;
    }
}
