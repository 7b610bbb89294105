using TorchSharp.Interop;
using N = TorchSharp.Interop.NativeMethods;

namespace TorchSharp;

// https://pytorch.org/docs/stable/torch.html#reduction-ops
public static partial class torch
{
    public partial class Tensor
    {
        private unsafe Tensor Reduce(long[] dims, bool keepdim, ScalarType? type, bool mean)
        {
            var dtype = type is null ? (sbyte)-1 : (sbyte)type.Value;
            fixed (long* p = dims)
                return Native.Tensor(mean
                    ? N.ts_mean(Handle, p, dims.Length, Native.Flag(keepdim), dtype)
                    : N.ts_sum(Handle, p, dims.Length, Native.Flag(keepdim), dtype));
        }

        public Tensor sum(ScalarType? type = null) => Reduce([], false, type, mean: false);
        public Tensor sum(long dim, bool keepdim = false, ScalarType? type = null) => Reduce([dim], keepdim, type, mean: false);
        public Tensor sum(long[] dim, bool keepdim = false, ScalarType? type = null) => Reduce(dim, keepdim, type, mean: false);

        // A literal 0 converts to ScalarType as readily as to long, and C# would then pick sum(ScalarType?):
        // these int overloads make sum(0) and mean(0) reduce dimension 0 as the user means.
        public Tensor sum(int dim, bool keepdim = false, ScalarType? type = null) => sum((long)dim, keepdim, type);

        public Tensor mean(ScalarType? type = null) => Reduce([], false, type, mean: true);
        public Tensor mean(long dim, bool keepdim = false, ScalarType? type = null) => Reduce([dim], keepdim, type, mean: true);
        public Tensor mean(long[] dimensions, bool keepdim = false, ScalarType? type = null) => Reduce(dimensions, keepdim, type, mean: true);
        public Tensor mean(int dim, bool keepdim = false, ScalarType? type = null) => mean((long)dim, keepdim, type);

        public Tensor prod(ScalarType? type = null) => Native.Tensor(N.ts_prod(Handle, type is null ? (sbyte)-1 : (sbyte)type.Value));

        private unsafe Tensor Spread(long[] dims, bool unbiased, bool keepdim, bool std)
        {
            fixed (long* p = dims)
                return Native.Tensor(std
                    ? N.ts_std(Handle, p, dims.Length, Native.Flag(unbiased), Native.Flag(keepdim))
                    : N.ts_var(Handle, p, dims.Length, Native.Flag(unbiased), Native.Flag(keepdim)));
        }

        public Tensor var(bool unbiased = true) => Spread([], unbiased, false, std: false);
        public Tensor var(long dim, bool unbiased = true, bool keepdim = false) => Spread([dim], unbiased, keepdim, std: false);
        public Tensor std(bool unbiased = true) => Spread([], unbiased, false, std: true);
        public Tensor std(long dim, bool unbiased = true, bool keepdim = false) => Spread([dim], unbiased, keepdim, std: true);

        public unsafe Tensor logsumexp(long dim, bool keepdim = false)
        {
            long d = dim;
            return Native.Tensor(N.ts_logsumexp(Handle, &d, 1, Native.Flag(keepdim)));
        }

        public Tensor max() => Unary(N.ts_max_all);
        public Tensor min() => Unary(N.ts_min_all);

        /// <summary>Largest values along a dimension and where they are.</summary>
        public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false)
        {
            var parts = Native.List(N.ts_max_dim(Handle, dim, Native.Flag(keepdim)));
            return (parts[0], parts[1]);
        }

        public (Tensor values, Tensor indexes) min(long dim, bool keepdim = false)
        {
            var parts = Native.List(N.ts_min_dim(Handle, dim, Native.Flag(keepdim)));
            return (parts[0], parts[1]);
        }

        public Tensor argmax(long? dim = null, bool keepdim = false) =>
            Native.Tensor(N.ts_argmax(Handle, Native.Flag(dim is not null), dim ?? 0, Native.Flag(keepdim)));

        public Tensor argmin(long? dim = null, bool keepdim = false) =>
            Native.Tensor(N.ts_argmin(Handle, Native.Flag(dim is not null), dim ?? 0, Native.Flag(keepdim)));

        public Tensor all() => Unary(N.ts_all);
        public Tensor any() => Unary(N.ts_any);

        // ---- matrices ----
        public Tensor tril(long diagonal = 0) => Native.Tensor(N.ts_tril(Handle, diagonal));
        public Tensor triu(long diagonal = 0) => Native.Tensor(N.ts_triu(Handle, diagonal));

        public Tensor diagonal(long offset = 0, long dim1 = 0, long dim2 = 1) =>
            Native.Tensor(N.ts_diagonal(Handle, offset, dim1, dim2));

        public Tensor diag_embed(long offset = 0, long dim1 = -2, long dim2 = -1) =>
            Native.Tensor(N.ts_diag_embed(Handle, offset, dim1, dim2));
    }

    public static Tensor sum(Tensor input) => input.sum();
    public static Tensor sum(Tensor input, long dim, bool keepdim = false) => input.sum(dim, keepdim);
    public static Tensor mean(Tensor input) => input.mean();
    public static Tensor mean(Tensor input, long[] dimensions, bool keepdim = false) => input.mean(dimensions, keepdim);
    public static Tensor max(Tensor input) => input.max();
    public static Tensor min(Tensor input) => input.min();
    public static Tensor argmax(Tensor input, long? dim = null, bool keepdim = false) => input.argmax(dim, keepdim);
    public static Tensor logsumexp(Tensor input, long dim, bool keepdim = false) => input.logsumexp(dim, keepdim);
    public static Tensor tril(Tensor input, long diagonal = 0) => input.tril(diagonal);
    public static Tensor triu(Tensor input, long diagonal = 0) => input.triu(diagonal);
    public static Tensor diagonal(Tensor input, long offset = 0, long dim1 = 0, long dim2 = 1) => input.diagonal(offset, dim1, dim2);
    public static Tensor diag_embed(Tensor input, long offset = 0, long dim1 = -2, long dim2 = -1) => input.diag_embed(offset, dim1, dim2);

    public static class linalg
    {
        /// <summary>Solves A X = B (left) or X A = B for triangular A.</summary>
        public static Tensor solve_triangular(Tensor A, Tensor B, bool upper, bool left = true, bool unitriangular = false) =>
            Native.Tensor(N.ts_solve_triangular(A.Handle, B.Handle, Native.Flag(upper), Native.Flag(left), Native.Flag(unitriangular)));

        public static Tensor cholesky(Tensor input) => Native.Tensor(N.ts_cholesky(input.Handle));
    }
}
