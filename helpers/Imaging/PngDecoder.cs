using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Helpers;

/// <summary>
/// Reads the PNG files a data-set folder usually holds: 8 bits per channel, grey, grey + alpha, RGB
/// or RGBA, not interlaced. Every chunk's CRC is checked. Errors name the file and what was wrong.
/// </summary>
internal static class PngDecoder
{
    public static Raster Read(string path) => Decode(File.ReadAllBytes(path), path);

    public static Raster Decode(byte[] png, string name)
    {
        if (png.Length < PngFormat.Signature.Length || !png.AsSpan(0, PngFormat.Signature.Length).SequenceEqual(PngFormat.Signature))
            throw Error(name, "not a PNG file (the 8-byte PNG signature is missing)");

        Header? header = null;
        using var compressed = new MemoryStream();
        var offset = PngFormat.Signature.Length;
        while (true)
        {
            if (png.Length - offset < 12)
                throw Error(name, $"truncated: the file ends at byte {png.Length} before the IEND chunk");
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            if (length < 0 || length > png.Length - offset - 12)
                throw Error(name, $"truncated: chunk {type} at byte {offset} declares {length} bytes but only {Math.Max(0, png.Length - offset - 12)} remain");
            var data = png.AsSpan(offset + 8, length);
            var stored = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            var computed = Crc32.Compute(data, Crc32.Compute(png.AsSpan(offset + 4, 4)));
            if (stored != computed)
                throw Error(name, $"CRC mismatch in chunk {type} at byte {offset}: stored {stored:x8}, computed {computed:x8} (the file is corrupt)");
            offset += 12 + length;

            if (type == "IEND") break;
            if (type == "IHDR") header = Header.Parse(data, name);
            else if (header is null) throw Error(name, $"chunk {type} comes before IHDR");
            else if (type == "IDAT") compressed.Write(data);
            else if (char.IsUpper(type[0]) && type != "PLTE")
                throw Error(name, $"unknown critical chunk {type}");
            // Ancillary chunks (gamma, text, ...) and an RGB image's suggested palette do not change the pixels we read.
        }
        if (header is null) throw Error(name, "no IHDR chunk");
        return Unfilter(Inflate(compressed, header, name), header, name);
    }

    private sealed record Header(int Width, int Height, int Channels)
    {
        public static Header Parse(ReadOnlySpan<byte> data, string name)
        {
            if (data.Length != 13) throw Error(name, $"IHDR has {data.Length} bytes, expected 13");
            var width = BinaryPrimitives.ReadInt32BigEndian(data);
            var height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
            var (depth, colour, interlace) = (data[8], data[9], data[12]);
            if (width <= 0 || height <= 0) throw Error(name, $"invalid size {width}x{height}");
            if (colour == 3)
                throw Error(name, "palette (indexed-colour) PNGs are not supported; save it as grey, RGB or RGBA");
            var channels = PngFormat.Channels(colour) ?? throw Error(name, $"invalid colour type {colour}");
            if (depth != 8)
                throw Error(name, $"bit depth {depth} is not supported, only 8 bits per channel; save it as an 8-bit PNG");
            if (interlace != 0)
                throw Error(name, "interlaced (Adam7) PNGs are not supported; save it without interlacing");
            if (data[10] != 0 || data[11] != 0) throw Error(name, "unknown compression or filter method");
            return new Header(width, height, channels);
        }
    }

    private static byte[] Inflate(MemoryStream compressed, Header header, string name)
    {
        var expected = (long)header.Height * (1 + (long)header.Width * header.Channels);
        var rows = new byte[expected];
        compressed.Position = 0;
        try
        {
            using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
            var read = 0;
            for (int n; read < rows.Length && (n = zlib.Read(rows, read, rows.Length - read)) > 0;) read += n;
            if (read < rows.Length)
                throw Error(name, $"truncated image data: {header.Width}x{header.Height} needs {expected} bytes after decompression, found {read}");
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(name, StringComparison.Ordinal))
        {
            throw Error(name, $"corrupt compressed image data ({e.Message})");
        }
        return rows;
    }

    private static Raster Unfilter(byte[] rows, Header header, string name)
    {
        var bpp = header.Channels;
        var stride = header.Width * bpp;
        var pixels = new byte[header.Height * stride];
        for (var row = 0; row < header.Height; row++)
        {
            var filterByte = rows[row * (stride + 1)];
            if (filterByte > (byte)PngFormat.Filter.Paeth) throw Error(name, $"row {row} has unknown filter type {filterByte}");
            var filter = (PngFormat.Filter)filterByte;
            var source = row * (stride + 1) + 1;
            var target = row * stride;
            for (var i = 0; i < stride; i++)
            {
                var a = i >= bpp ? pixels[target + i - bpp] : 0;
                var b = row > 0 ? pixels[target + i - stride] : 0;
                var c = row > 0 && i >= bpp ? pixels[target + i - stride - bpp] : 0;
                pixels[target + i] = (byte)(rows[source + i] + PngFormat.Predict(filter, a, b, c));
            }
        }
        return new Raster(header.Width, header.Height, header.Channels, pixels);
    }

    private static InvalidDataException Error(string name, string problem) => new($"{name}: {problem}");
}
