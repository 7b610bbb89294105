using TorchSharp.Interop;

namespace TorchSharp;

/// <summary>One entry of a tensor index: a position, a slice, "...", a new axis, a tensor or a bool.</summary>
public readonly struct TensorIndex
{
    // In step with IndexKind in binding/native/shape.cpp.
    internal enum Kind : long { Single = 0, Slice = 1, Ellipsis = 2, None = 3, Tensor = 4, Bool = 5 }

    internal const long Absent = long.MinValue;

    internal Kind kind { get; }
    internal long start { get; }
    internal long stop { get; }
    internal long step { get; }
    internal torch.Tensor? tensor { get; }

    private TensorIndex(Kind kind, long start = Absent, long stop = Absent, long step = Absent, torch.Tensor? tensor = null)
    {
        this.kind = kind;
        this.start = start;
        this.stop = stop;
        this.step = step;
        this.tensor = tensor;
    }

    public static TensorIndex Single(long index) => new(Kind.Single, index);

    public static TensorIndex Slice(long? start = null, long? stop = null, long? step = null) =>
        new(Kind.Slice, start ?? Absent, stop ?? Absent, step ?? Absent);

    public static TensorIndex Ellipsis => new(Kind.Ellipsis);

    /// <summary>Inserts a new axis of size one (numpy's newaxis).</summary>
    public static TensorIndex None => new(Kind.None);

    /// <summary>The whole dimension, like ':' in Python.</summary>
    public static TensorIndex Colon => Slice();

    public static TensorIndex Tensor(torch.Tensor index) => new(Kind.Tensor, tensor: index);

    public static TensorIndex Bool(bool value) => new(Kind.Bool, value ? 1 : 0);

    public static implicit operator TensorIndex(long index) => Single(index);
    public static implicit operator TensorIndex(int index) => Single(index);
    public static implicit operator TensorIndex(torch.Tensor index) => Tensor(index);
    public static implicit operator TensorIndex(Index index) => Single(index.IsFromEnd ? -index.Value : index.Value);

    public static implicit operator TensorIndex(Range range)
    {
        long? Bound(Index i, bool isStop) =>
            i.IsFromEnd ? (i.Value == 0 && isStop ? null : -i.Value) : i.Value;
        return Slice(Bound(range.Start, false), Bound(range.End, true));
    }

    public static implicit operator TensorIndex((int? start, int? stop) range) => Slice(range.start, range.stop);
}

public static partial class torch
{
    public partial class Tensor
    {
        private sealed class EncodedIndices
        {
            public readonly long[] Kinds, Starts, Stops, Steps;
            public readonly IntPtr[] Tensors;

            public EncodedIndices(TensorIndex[] indices)
            {
                var n = indices.Length;
                Kinds = new long[n];
                Starts = new long[n];
                Stops = new long[n];
                Steps = new long[n];
                Tensors = new IntPtr[n];
                for (var i = 0; i < n; i++)
                {
                    Kinds[i] = (long)indices[i].kind;
                    Starts[i] = indices[i].start;
                    Stops[i] = indices[i].stop;
                    Steps[i] = indices[i].step;
                    Tensors[i] = indices[i].tensor?.Handle ?? IntPtr.Zero;
                }
            }
        }

        /// <summary>Python-style indexing: x[.., 0], x[1..^1], x[TensorIndex.Slice(0, 10, 2)].</summary>
        public unsafe Tensor this[params TensorIndex[] indices]
        {
            get
            {
                var e = new EncodedIndices(indices);
                fixed (long* k = e.Kinds, a = e.Starts, b = e.Stops, c = e.Steps)
                fixed (IntPtr* t = e.Tensors)
                    return Native.Tensor(NativeMethods.ts_index(Handle, k, a, b, c, t, indices.Length));
            }
            set => index_put_(value, indices);
        }

        public Tensor index(params TensorIndex[] indices) => this[indices];

        public unsafe Tensor index_put_(Tensor value, params TensorIndex[] indices)
        {
            var e = new EncodedIndices(indices);
            fixed (long* k = e.Kinds, a = e.Starts, b = e.Stops, c = e.Steps)
            fixed (IntPtr* t = e.Tensors)
                Native.Status(NativeMethods.ts_index_put_(Handle, k, a, b, c, t, indices.Length, value.Handle));
            return this;
        }

        public unsafe Tensor index_put_(Scalar value, params TensorIndex[] indices)
        {
            var e = new EncodedIndices(indices);
            fixed (long* k = e.Kinds, a = e.Starts, b = e.Stops, c = e.Steps)
            fixed (IntPtr* t = e.Tensors)
                Native.Status(NativeMethods.ts_index_put_scalar_(Handle, k, a, b, c, t, indices.Length, value));
            return this;
        }
    }
}
