using System.Buffers.Binary;

namespace Helpers.Tests;

public static class PngSize
{
    /// <summary>Width and height from a PNG's IHDR chunk.</summary>
    public static (int Width, int Height) Of(byte[] png) =>
        (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
}
