using TorchSharp.Interop;

namespace TorchSharp;

// https://pytorch.org/docs/stable/torch.html#indexing-slicing-joining-mutating-ops
public static partial class torch
{
    public partial class Tensor
    {
        public unsafe Tensor view(params long[] shape)
        {
            fixed (long* p = shape) return Native.Tensor(NativeMethods.ts_view(Handle, p, shape.Length));
        }

        public unsafe Tensor reshape(params long[] shape)
        {
            fixed (long* p = shape) return Native.Tensor(NativeMethods.ts_reshape(Handle, p, shape.Length));
        }

        public Tensor flatten(long start_dim = 0, long end_dim = -1) =>
            Native.Tensor(NativeMethods.ts_flatten(Handle, start_dim, end_dim));

        public unsafe Tensor unflatten(long dim, params long[] sizes)
        {
            fixed (long* p = sizes) return Native.Tensor(NativeMethods.ts_unflatten(Handle, dim, p, sizes.Length));
        }

        public unsafe Tensor permute(params long[] dims)
        {
            fixed (long* p = dims) return Native.Tensor(NativeMethods.ts_permute(Handle, p, dims.Length));
        }

        public Tensor transpose(long dim0, long dim1) => Native.Tensor(NativeMethods.ts_transpose(Handle, dim0, dim1));

        /// <summary>Transpose of a matrix.</summary>
        public Tensor t() => Native.Tensor(NativeMethods.ts_t(Handle));

        public Tensor T => t();

        public Tensor squeeze(long? dim = null) =>
            Native.Tensor(dim is null ? NativeMethods.ts_squeeze(Handle) : NativeMethods.ts_squeeze_dim(Handle, dim.Value));

        public Tensor unsqueeze(long dim) => Native.Tensor(NativeMethods.ts_unsqueeze(Handle, dim));

        public unsafe Tensor expand(params long[] sizes)
        {
            fixed (long* p = sizes) return Native.Tensor(NativeMethods.ts_expand(Handle, p, sizes.Length));
        }

        public Tensor expand_as(Tensor other) => expand(other.shape);

        public unsafe Tensor repeat(params long[] repeats)
        {
            fixed (long* p = repeats) return Native.Tensor(NativeMethods.ts_repeat(Handle, p, repeats.Length));
        }

        public unsafe Tensor flip(params long[] dims)
        {
            fixed (long* p = dims) return Native.Tensor(NativeMethods.ts_flip(Handle, p, dims.Length));
        }

        public Tensor narrow(long dim, long start, long length) =>
            Native.Tensor(NativeMethods.ts_narrow(Handle, dim, start, length));

        public Tensor select(long dim, long index) => Native.Tensor(NativeMethods.ts_select(Handle, dim, index));

        public Tensor index_select(long dim, Tensor index) =>
            Native.Tensor(NativeMethods.ts_index_select(Handle, dim, index.Handle));

        public Tensor gather(long dim, Tensor index) => Native.Tensor(NativeMethods.ts_gather(Handle, dim, index.Handle));

        public Tensor[] chunk(long chunks, long dim = 0) => Native.List(NativeMethods.ts_chunk(Handle, chunks, dim));

        public Tensor[] split(long split_size, long dim = 0) => Native.List(NativeMethods.ts_split(Handle, split_size, dim));

        public unsafe Tensor[] split(long[] split_sizes, long dim = 0)
        {
            fixed (long* p = split_sizes) return Native.List(NativeMethods.ts_split_sizes(Handle, p, split_sizes.Length, dim));
        }
    }

    private static unsafe Tensor Join(IEnumerable<Tensor> tensors, long dim, bool stack)
    {
        var list = tensors as IList<Tensor> ?? tensors.ToList();
        if (list.Count == 0) throw new ArgumentException($"{(stack ? "stack" : "cat")} needs at least one tensor", nameof(tensors));
        var handles = new IntPtr[list.Count];
        for (var i = 0; i < handles.Length; i++) handles[i] = list[i].Handle;
        fixed (IntPtr* p = handles)
            return Native.Tensor(stack ? NativeMethods.ts_stack(p, handles.Length, dim) : NativeMethods.ts_cat(p, handles.Length, dim));
    }

    public static Tensor cat(IEnumerable<Tensor> tensors, long dim = 0) => Join(tensors, dim, stack: false);

    public static Tensor concat(IEnumerable<Tensor> tensors, long dim = 0) => cat(tensors, dim);

    public static Tensor stack(IEnumerable<Tensor> tensors, long dim = 0) => Join(tensors, dim, stack: true);

    public static Tensor flatten(Tensor input, long start_dim = 0, long end_dim = -1) => input.flatten(start_dim, end_dim);

    public static Tensor reshape(Tensor input, params long[] shape) => input.reshape(shape);

    public static Tensor permute(Tensor input, params long[] dims) => input.permute(dims);

    public static Tensor transpose(Tensor input, long dim0, long dim1) => input.transpose(dim0, dim1);

    public static Tensor squeeze(Tensor input, long? dim = null) => input.squeeze(dim);

    public static Tensor unsqueeze(Tensor input, long dim) => input.unsqueeze(dim);

    public static Tensor narrow(Tensor input, long dim, long start, long length) => input.narrow(dim, start, length);

    public static Tensor index_select(Tensor input, long dim, Tensor index) => input.index_select(dim, index);

    public static Tensor[] chunk(Tensor input, long chunks, long dim = 0) => input.chunk(chunks, dim);

    public static Tensor[] split(Tensor input, long split_size, long dim = 0) => input.split(split_size, dim);
}
