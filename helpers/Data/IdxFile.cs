using System.Buffers.Binary;
using System.IO.Compression;

namespace Helpers;

/// <summary>
/// Reads IDX files (LeCun's format for MNIST): two zero bytes, an element type, the number of
/// dimensions, one big-endian int32 per dimension, then the elements. Raw or gzipped, told apart
/// by the gzip magic bytes 1f 8b rather than by the file name.
/// </summary>
internal static class IdxFile
{
    private const byte UnsignedByte = 0x08;

    private static readonly Dictionary<byte, string> TypeNames = new()
    {
        [0x08] = "unsigned byte", [0x09] = "signed byte", [0x0B] = "int16",
        [0x0C] = "int32", [0x0D] = "float32", [0x0E] = "float64",
    };

    /// <summary>The dimensions and the unsigned-byte elements of an IDX file with <paramref name="rank"/> dimensions.</summary>
    public static (int[] Dimensions, byte[] Elements) Read(string path, int rank)
    {
        var name = Path.GetFileName(path);
        var bytes = Contents(path);
        if (bytes.Length < 4)
            throw new InvalidDataException($"{name}: expected an IDX header of at least 4 bytes, found {bytes.Length} bytes");
        if (bytes[0] != 0 || bytes[1] != 0)
            throw new InvalidDataException(
                $"{name}: not an IDX file: expected magic bytes 00 00, found {bytes[0]:x2} {bytes[1]:x2}");
        var type = bytes[2];
        if (type != UnsignedByte)
            throw new InvalidDataException(
                $"{name}: element type 0x{type:x2} ({TypeNames.GetValueOrDefault(type, "unknown")}) is not supported; expected 0x08 (unsigned byte)");
        int ndims = bytes[3];
        if (ndims != rank)
            throw new InvalidDataException($"{name}: expected {rank} dimensions, found {ndims}");
        var headerLength = 4 + 4 * ndims;
        if (bytes.Length < headerLength)
            throw new InvalidDataException($"{name}: expected a {headerLength}-byte header for {ndims} dimensions, found {bytes.Length} bytes");

        var dims = new int[ndims];
        long count = 1;
        for (var d = 0; d < ndims; d++)
        {
            dims[d] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * d));
            if (dims[d] < 0) throw new InvalidDataException($"{name}: dimension {d} is negative ({dims[d]})");
            count *= dims[d];
        }
        var expected = headerLength + count;
        if (bytes.Length != expected)
            throw new InvalidDataException(
                $"{name}: expected {expected} bytes for {string.Join("x", dims)}, found {bytes.Length}" +
                (IsGzip(path) ? " (after decompression)" : ""));
        return (dims, bytes[headerLength..]);
    }

    private static byte[] Contents(string path)
    {
        if (!IsGzip(path)) return File.ReadAllBytes(path);
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        try
        {
            gzip.CopyTo(memory);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: corrupt gzip data ({e.Message})", e);
        }
        return memory.ToArray();
    }

    private static bool IsGzip(string path)
    {
        Span<byte> magic = stackalloc byte[2];
        using var file = File.OpenRead(path);
        return file.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }
}
