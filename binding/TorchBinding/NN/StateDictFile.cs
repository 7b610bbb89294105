using System.Text;
using TorchSharp.Interop;

namespace TorchSharp;

// TorchSharp's state-dict file format, so files move between this binding, TorchSharp and PyTorch
// (TorchSharp's exportsd.py/importsd.py): [entry count: unsigned LEB128], then per entry
// [name: BinaryWriter string] [dtype: LEB128 ScalarType number] [rank: LEB128] [dims: LEB128 each]
// [elements: raw little-endian bytes, C-contiguous].
public static partial class torch
{
    /// <summary>Writes named tensors to <paramref name="location"/>; an existing file is replaced only once the new one is complete.</summary>
    public static void save(IReadOnlyDictionary<string, Tensor> state_dict, string location)
    {
        ArgumentNullException.ThrowIfNull(state_dict);
        var full = Path.GetFullPath(location);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
            {
                WriteLeb128(writer, (ulong)state_dict.Count);
                foreach (var (name, tensor) in state_dict) WriteEntry(writer, name, tensor);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Reads the named tensors (on the CPU) of a file written by <see cref="save"/>.</summary>
    public static Dictionary<string, Tensor> load(string location)
    {
        using var stream = File.OpenRead(location);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        using var scope = NewDisposeScope();
        var result = new Dictionary<string, Tensor>();
        try
        {
            var count = ReadLeb128(reader);
            for (ulong i = 0; i < count; i++)
            {
                var (name, tensor) = ReadEntry(reader);
                if (!result.TryAdd(name, tensor)) throw new InvalidDataException($"entry '{name}' appears twice");
            }
            if (stream.Position != stream.Length)
                throw new InvalidDataException($"{stream.Length - stream.Position} bytes follow the last of its {count} entries");
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or FormatException)
        {
            var detail = e is EndOfStreamException ? "it ends in the middle of an entry" : e.Message;
            throw new InvalidDataException($"'{location}' is truncated or not a state-dict file: {detail} (after {result.Count} entries)", e);
        }
        foreach (var tensor in result.Values) tensor.MoveToOuterDisposeScope();
        return result;
    }

    private static unsafe void WriteEntry(BinaryWriter writer, string name, Tensor tensor)
    {
        writer.Write(name);
        WriteLeb128(writer, (ulong)tensor.dtype);
        var shape = tensor.shape;
        WriteLeb128(writer, (ulong)shape.Length);
        foreach (var d in shape) WriteLeb128(writer, (ulong)d);
        var bytes = new byte[checked(tensor.numel() * tensor.element_size())];
        fixed (byte* p = bytes) Native.Status(NativeMethods.ts_tensor_copy_to(tensor.Handle, p, bytes.Length));
        writer.Write(bytes);
    }

    private static unsafe (string name, Tensor tensor) ReadEntry(BinaryReader reader)
    {
        var name = reader.ReadString();
        var code = ReadLeb128(reader);
        if (code > (ulong)sbyte.MaxValue || !Enum.IsDefined((ScalarType)code))
            throw new InvalidDataException($"entry '{name}' has unknown dtype code {code}");
        var dtype = (ScalarType)code;
        var rank = ReadLeb128(reader);
        if (rank > 64) throw new InvalidDataException($"entry '{name}' claims {rank} dimensions");
        var shape = new long[rank];
        for (var i = 0; i < shape.Length; i++) shape[i] = (long)Math.Min(ReadLeb128(reader), long.MaxValue);
        var size = ByteCount(shape, dtype);
        if (size is null || size > reader.BaseStream.Length - reader.BaseStream.Position)
            throw new InvalidDataException($"entry '{name}' of shape {Tensor.ShapeString(shape)} needs more bytes than the file has left");
        var bytes = reader.ReadBytes(checked((int)size.Value));
        fixed (byte* data = bytes)
        fixed (long* dims = shape)
            return (name, Native.Tensor(NativeMethods.ts_tensor_from_data(data, bytes.Length, (sbyte)dtype, dims, shape.Length, 0)));
    }

    // Null when the size overflows, which only a corrupt header produces.
    private static long? ByteCount(long[] shape, ScalarType dtype)
    {
        try
        {
            return shape.Aggregate((long)ElementSize(dtype), (total, d) => checked(total * d));
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static void WriteLeb128(BinaryWriter writer, ulong value)
    {
        do
        {
            var low = (byte)(value & 0x7F);
            value >>= 7;
            writer.Write(value == 0 ? low : (byte)(low | 0x80));
        } while (value != 0);
    }

    private static ulong ReadLeb128(BinaryReader reader)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = reader.ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw new InvalidDataException("a LEB128 number runs past 64 bits");
    }
}
