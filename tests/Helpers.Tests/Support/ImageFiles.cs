using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace Helpers.Tests;

/// <summary>
/// Writes the image files the loader's tests read, each kind by a writer other than the code under test: JPEG,
/// WebP and plain PNG through SkiaSharp's encoders, BMP by its 54-byte header, and the PNG kinds Skia does not
/// write (palette, grey + alpha, 16 bits) by a few lines of Python with zlib.
/// </summary>
public static class ImageFiles
{
    /// <summary>An image of one colour, as interleaved pixels of <paramref name="colour"/>'s length (1 grey, 3 RGB, 4 RGBA).</summary>
    public static byte[] Solid(int width, int height, params byte[] colour) =>
        Enumerable.Range(0, width * height).SelectMany(_ => colour).ToArray();

    /// <summary>Grey (1 byte a pixel) or RGBA (4) pixels encoded by SkiaSharp; WebP losslessly, JPEG at quality 100.</summary>
    public static void Skia(string path, SKEncodedImageFormat format, int width, int height, byte[] pixels)
    {
        var info = pixels.Length == width * height
            ? new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque)
            : new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var handle = GCHandle.Alloc(pixels, GCHandleType.Pinned);
        try
        {
            using var pixmap = new SKPixmap(info, handle.AddrOfPinnedObject(), info.RowBytes);
            using var data = format == SKEncodedImageFormat.Webp
                ? pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 100))
                : pixmap.Encode(format, 100);
            Assert.NotNull(data);
            File.WriteAllBytes(path, data.ToArray());
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary>A 24-bit BMP (bottom-up rows of BGR, each padded to 4 bytes) from RGB pixels.</summary>
    public static void Bmp(string path, int width, int height, byte[] rgb)
    {
        var stride = (width * 3 + 3) / 4 * 4;
        var file = new byte[54 + stride * height];
        file[0] = (byte)'B';
        file[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(2), file.Length);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(10), 54);      // where the pixels start
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(14), 40);      // BITMAPINFOHEADER
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(22), height);  // positive: bottom row first
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(26), 1);       // planes
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(28), 24);      // bits per pixel; compression 0 (none)
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                for (var c = 0; c < 3; c++)
                    file[54 + (height - 1 - y) * stride + x * 3 + c] = rgb[(y * width + x) * 3 + 2 - c];
        File.WriteAllBytes(path, file);
    }

    private const string PngScript = """
        import struct, sys, zlib
        path, width, height, depth, colour = sys.argv[1], *map(int, sys.argv[2:6])
        samples, palette = bytes.fromhex(sys.argv[6]), bytes.fromhex(sys.argv[7])
        stride = len(samples) // height
        raw = b''.join(b'\0' + samples[r * stride:(r + 1) * stride] for r in range(height))
        def chunk(kind, body):
            return struct.pack('>I', len(body)) + kind + body + struct.pack('>I', zlib.crc32(kind + body) & 0xffffffff)
        png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, depth, colour, 0, 0, 0))
        if palette: png += chunk(b'PLTE', palette)
        open(path, 'wb').write(png + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
        """;

    /// <summary>
    /// A PNG of any colour type (0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA) and bit depth, from its
    /// samples row by row (16-bit samples big-endian), written by Python with zlib, no row filters.
    /// </summary>
    public static void PythonPng(string path, int width, int height, int depth, int colour, byte[] samples, byte[]? palette = null)
    {
        var script = path + ".py";
        File.WriteAllText(script, PngScript);
        try
        {
            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true };
            foreach (var argument in new object[] { script, path, width, height, depth, colour, Convert.ToHexString(samples), Convert.ToHexString(palette ?? []) })
                start.ArgumentList.Add(argument.ToString()!);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"python could not write {path}: {error}");
        }
        finally
        {
            File.Delete(script);
        }
    }
}
