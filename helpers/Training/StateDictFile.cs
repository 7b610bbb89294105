using TorchSharp;

namespace Helpers;

/// <summary>
/// TorchSharp's state-dict file (what <c>module.save(path)</c> writes and <c>module.load(path)</c> reads): the entry count
/// as unsigned LEB128, then per entry its name (a .NET BinaryWriter string), dtype code, rank and dimensions (LEB128)
/// and the raw little-endian elements. Written atomically; read after checking every name, dtype and shape, so a
/// mismatched file is refused as a whole with what differs, instead of failing halfway through a load.
/// </summary>
internal static class StateDictFile
{
    /// <summary>One entry of a file, without its elements.</summary>
    public sealed record Entry(string Name, torch.ScalarType DType, long[] Shape);

    /// <summary>Writes <paramref name="tensors"/> to <paramref name="path"/>; an error leaves an existing file as it was.</summary>
    public static void Save<T>(IReadOnlyDictionary<string, T> tensors, string path) where T : torch.Tensor =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            torch.nn.Module.save_state_dict(writer, tensors.ToDictionary(pair => pair.Key, pair => (torch.Tensor)pair.Value));
        });

    /// <summary>Writes <paramref name="module"/>'s parameters and buffers with TorchSharp's <c>module.save</c>, atomically.</summary>
    public static void Save(torch.nn.Module module, string path) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            module.save(writer);
        });

    /// <summary>Copies the file's tensors into <paramref name="tensors"/> (on their devices) once the file is known to match.</summary>
    public static void Load<T>(IReadOnlyDictionary<string, T> tensors, string path) where T : torch.Tensor
    {
        Check(path, tensors);
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        var count = Leb128(reader);
        for (long i = 0; i < count; i++) tensors[reader.ReadString()].Load(reader);
    }

    /// <summary>
    /// Loads <paramref name="module"/>'s parameters and buffers in place. TorchSharp's <c>module.load</c> moves a module
    /// off the GPU and back, which replaces its parameters and leaves an optimizer holding disposed ones.
    /// </summary>
    public static void Load(torch.nn.Module module, string path) => Load(module.state_dict(), path);

    /// <summary>The names, dtypes and shapes the file holds, in file order.</summary>
    public static IReadOnlyList<Entry> Entries(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"checkpoint {path} does not exist", path);
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        try
        {
            var entries = new List<Entry>();
            for (long count = Leb128(reader), i = 0; i < count; i++)
            {
                var name = reader.ReadString();
                var code = Leb128(reader);
                var elementSize = ElementSize(code)
                    ?? throw new InvalidDataException($"{path}: tensor {name} has dtype code {code}, which TorchSharp does not write");
                var shape = new long[Leb128(reader)];
                for (var d = 0; d < shape.Length; d++) shape[d] = Leb128(reader);
                var bytes = shape.Aggregate(elementSize, (product, size) => checked(product * size));
                if (stream.Length - stream.Position < bytes) throw new EndOfStreamException();
                stream.Seek(bytes, SeekOrigin.Current);
                entries.Add(new Entry(name, (torch.ScalarType)code, shape));
            }
            if (stream.Position != stream.Length)
                throw new InvalidDataException($"{path}: {stream.Length - stream.Position} bytes follow the last tensor of a state-dict file");
            return entries;
        }
        catch (Exception e) when (e is EndOfStreamException or OverflowException or FormatException or ArgumentOutOfRangeException)
        {
            throw new InvalidDataException($"{path} is truncated or not a TorchSharp state-dict file ({e.Message})", e);
        }
    }

    /// <summary>Throws, naming the file and every difference, unless the file holds exactly the expected names, dtypes and shapes.</summary>
    public static void Check<T>(string path, IReadOnlyDictionary<string, T> expected) where T : torch.Tensor
    {
        var saved = Entries(path).ToDictionary(entry => entry.Name);
        var differences = new List<string>();
        foreach (var (name, tensor) in expected)
        {
            if (!saved.TryGetValue(name, out var entry))
                differences.Add($"missing {name} {Describe(tensor.dtype, tensor.shape)}");
            else if (entry.DType != tensor.dtype || !entry.Shape.SequenceEqual(tensor.shape))
                differences.Add($"{name}: file has {Describe(entry.DType, entry.Shape)}, model has {Describe(tensor.dtype, tensor.shape)}");
        }
        differences.AddRange(saved.Values.Where(entry => !expected.ContainsKey(entry.Name))
                                         .Select(entry => $"unexpected {entry.Name} {Describe(entry.DType, entry.Shape)}"));
        if (differences.Count > 0)
            throw new InvalidDataException($"{path} does not match the model: {string.Join("; ", differences)}");
    }

    private static string Describe(torch.ScalarType dtype, long[] shape) => $"{dtype} [{string.Join(", ", shape)}]";

    private static long Leb128(BinaryReader reader)
    {
        long value = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift > 56) throw new FormatException("a LEB128 number longer than 9 bytes");
            var b = reader.ReadByte();
            value |= (long)(b & 0x7f) << shift;
            if ((b & 0x80) == 0) return value;
        }
    }

    /// <summary>Bytes per element of a dtype code (c10's ScalarType numbering), or null for a code TorchSharp has no size for.</summary>
    private static long? ElementSize(long code)
    {
        var dtype = (torch.ScalarType)code;
        if (!Enum.IsDefined(dtype)) return null;
        try { return dtype.ElementSize(); }
        catch (NotImplementedException) { return null; }
    }
}
