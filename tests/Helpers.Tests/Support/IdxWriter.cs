using System.Buffers.Binary;
using System.IO.Compression;

namespace Helpers.Tests;

/// <summary>Writes small IDX files (optionally gzipped, optionally corrupted) for the reader's tests.</summary>
public static class IdxWriter
{
    public static byte[] Bytes(int[] dims, byte[] elements, byte type = 0x08, byte[]? magic = null)
    {
        var header = new byte[4 + 4 * dims.Length];
        (magic ?? [0, 0]).CopyTo(header, 0);
        header[2] = type;
        header[3] = (byte)dims.Length;
        for (var d = 0; d < dims.Length; d++) BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * d), dims[d]);
        return [.. header, .. elements];
    }

    public static void Write(string path, byte[] bytes, bool gzip = false)
    {
        if (!gzip)
        {
            File.WriteAllBytes(path, bytes);
            return;
        }
        using var file = File.Create(path);
        using var stream = new GZipStream(file, CompressionLevel.Fastest);
        stream.Write(bytes);
    }

    /// <summary>A tiny MNIST-shaped data set: <paramref name="count"/> images of 28x28 where image i is all i, label i % 10.</summary>
    public static void WriteSet(string folder, string prefix, int count, int? labelCount = null, bool gzip = false)
    {
        Directory.CreateDirectory(folder);
        var pixels = Enumerable.Range(0, count).SelectMany(i => Enumerable.Repeat((byte)i, 28 * 28)).ToArray();
        var labels = Enumerable.Range(0, labelCount ?? count).Select(i => (byte)(i % 10)).ToArray();
        var suffix = gzip ? ".gz" : "";
        Write(Path.Combine(folder, $"{prefix}-images-idx3-ubyte{suffix}"), Bytes([count, 28, 28], pixels), gzip);
        Write(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte{suffix}"), Bytes([labels.Length], labels), gzip);
    }
}
