namespace Helpers;

/// <summary>Constants of the PNG format (ISO/IEC 15948) shared by the encoder and the decoder.</summary>
internal static class PngFormat
{
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The five per-row filters: each predicts a byte from its left (a), upper (b) and upper-left (c) neighbours.</summary>
    public enum Filter : byte { None = 0, Sub = 1, Up = 2, Average = 3, Paeth = 4 }

    /// <summary>PNG colour type for a channel count (grey, grey+alpha, RGB, RGBA).</summary>
    public static byte ColourType(int channels) => channels switch
    {
        1 => 0, 2 => 4, 3 => 2, 4 => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(channels), channels, "a PNG pixel has 1 to 4 channels"),
    };

    /// <summary>Channel count for a colour type, or null for types this code does not read.</summary>
    public static int? Channels(byte colourType) => colourType switch
    {
        0 => 1, 4 => 2, 2 => 3, 6 => 4, _ => null,
    };

    /// <summary>The value the filter predicts for one byte.</summary>
    public static int Predict(Filter filter, int a, int b, int c) => filter switch
    {
        Filter.None => 0,
        Filter.Sub => a,
        Filter.Up => b,
        Filter.Average => (a + b) / 2,
        Filter.Paeth => Paeth(a, b, c),
        _ => throw new InvalidDataException($"unknown PNG filter type {(int)filter}"),
    };

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
