using System.Diagnostics;

namespace Helpers.Tests;

/// <summary>
/// An independent PNG reader, in Python with only the standard library (struct, zlib): it checks every
/// chunk's CRC with zlib.crc32, inflates the image data and undoes the row filters, then prints
/// "width height channels" and the pixel bytes in hex. It checks the helpers' PNG pictures without trusting the
/// library that wrote them.
/// </summary>
public static class PythonPngCheck
{
    private const string Script = """
        import struct, sys, zlib
        data = open(sys.argv[1], 'rb').read()
        assert data[:8] == b'\x89PNG\r\n\x1a\n', 'bad signature'
        pos, idat, header = 8, b'', None
        while True:
            length, kind = struct.unpack('>I4s', data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + length]
            crc, = struct.unpack('>I', data[pos + 8 + length:pos + 12 + length])
            assert zlib.crc32(kind + body) & 0xffffffff == crc, 'CRC mismatch in ' + kind.decode()
            pos += 12 + length
            if kind == b'IHDR': header = struct.unpack('>IIBBBBB', body)
            elif kind == b'IDAT': idat += body
            elif kind == b'IEND': break
        assert pos == len(data), 'bytes after IEND'
        width, height, depth, colour, _, _, interlace = header
        assert depth == 8 and interlace == 0
        bpp = {0: 1, 4: 2, 2: 3, 6: 4}[colour]
        raw, stride, out = zlib.decompress(idat), width * bpp, bytearray()
        assert len(raw) == height * (stride + 1), 'wrong image data length'
        prev = bytearray(stride)
        for r in range(height):
            f, line, cur = raw[r * (stride + 1)], raw[r * (stride + 1) + 1:(r + 1) * (stride + 1)], bytearray(stride)
            for i in range(stride):
                a = cur[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                if f == 0: p = 0
                elif f == 1: p = a
                elif f == 2: p = b
                elif f == 3: p = (a + b) // 2
                else:
                    pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                    p = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                cur[i] = (line[i] + p) & 0xff
            out += cur
            prev = cur
        print(width, height, bpp)
        print(out.hex())
        """;

    /// <summary>Runs the check on a PNG file's bytes; returns what Python read, or fails with its error.</summary>
    public static DecodedPng Decode(byte[] png)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"png-check-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var (script, image) = (Path.Combine(folder, "check.py"), Path.Combine(folder, "image.png"));
            File.WriteAllText(script, Script);
            File.WriteAllBytes(image, png);
            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(image);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"python rejected the PNG: {error}");
            var lines = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var size = lines[0].Split(' ').Select(int.Parse).ToArray();
            return new DecodedPng(size[0], size[1], size[2], Convert.FromHexString(lines.Length > 1 ? lines[1] : ""));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>A PNG as an independent reader saw it: size, channels (1 grey, 2 grey + alpha, 3 RGB, 4 RGBA), pixels row by row.</summary>
public sealed record DecodedPng(int Width, int Height, int Channels, byte[] Pixels)
{
    public byte this[int row, int column, int channel] => Pixels[(row * Width + column) * Channels + channel];
}
