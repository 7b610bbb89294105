using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Helpers;

/// <summary>Writes 8-bit, non-interlaced PNG files: signature, IHDR, one IDAT (zlib), IEND.</summary>
internal static class PngEncoder
{
    /// <summary>
    /// Encodes a raster. Without <paramref name="filter"/> each row gets the filter whose output has the
    /// smallest sum of absolute values (libpng's heuristic), which compresses smooth images well.
    /// </summary>
    public static byte[] Encode(Raster image, PngFormat.Filter? filter = null)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), image.Height);
        header[8] = 8; // bits per channel
        header[9] = PngFormat.ColourType(image.Channels);
        // header[10..12]: compression 0 (zlib), filter method 0, no interlace

        using var png = new MemoryStream();
        png.Write(PngFormat.Signature);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", Compress(FilteredRows(image, filter)));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] FilteredRows(Raster image, PngFormat.Filter? filter)
    {
        var stride = image.Width * image.Channels;
        var output = new byte[image.Height * (stride + 1)];
        var previous = new byte[stride];
        var candidate = new byte[stride];
        PngFormat.Filter[] filters = filter is { } only ? [only] : Enum.GetValues<PngFormat.Filter>();
        for (var row = 0; row < image.Height; row++)
        {
            var current = image.Pixels.AsSpan(row * stride, stride);
            var target = output.AsSpan(row * (stride + 1), stride + 1);
            var best = long.MaxValue;
            foreach (var f in filters)
            {
                var cost = Apply(f, current, previous, image.Channels, candidate);
                if (cost >= best) continue;
                best = cost;
                target[0] = (byte)f;
                candidate.CopyTo(target[1..]);
            }
            current.CopyTo(previous);
        }
        return output;
    }

    /// <summary>Filters one row into <paramref name="output"/>; returns the sum of the outputs read as signed bytes.</summary>
    private static long Apply(PngFormat.Filter filter, ReadOnlySpan<byte> row, ReadOnlySpan<byte> above, int bpp, Span<byte> output)
    {
        long cost = 0;
        for (var i = 0; i < row.Length; i++)
        {
            var a = i >= bpp ? row[i - bpp] : 0;
            var c = i >= bpp ? above[i - bpp] : 0;
            output[i] = (byte)(row[i] - PngFormat.Predict(filter, a, above[i], c));
            cost += Math.Abs((int)(sbyte)output[i]);
        }
        return cost;
    }

    private static byte[] Compress(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(data);
        return buffer.ToArray();
    }

    private static void WriteChunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Compute(data, Crc32.Compute(typeBytes)));
        png.Write(word);
    }
}
