// Declarations of the native functions in binding/native/math.cpp, C names unchanged.
namespace TorchSharp.Interop;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName)]
    internal static partial int ts_zero_(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_add_alpha(IntPtr a, IntPtr b, Scalar alpha);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_clamp(IntPtr t, Scalar min, Scalar max);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_where(IntPtr condition, IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_masked_fill(IntPtr t, IntPtr mask, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_lerp(IntPtr a, IntPtr b, double weight);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_sum(IntPtr t, long* dims, int ndims, sbyte keepdim, sbyte dtype);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_mean(IntPtr t, long* dims, int ndims, sbyte keepdim, sbyte dtype);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_prod(IntPtr t, sbyte dtype);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_var(IntPtr t, long* dims, int ndims, sbyte unbiased, sbyte keepdim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_std(IntPtr t, long* dims, int ndims, sbyte unbiased, sbyte keepdim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_logsumexp(IntPtr t, long* dims, int ndims, sbyte keepdim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_max_all(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_min_all(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_max_dim(IntPtr t, long dim, sbyte keepdim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_min_dim(IntPtr t, long dim, sbyte keepdim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_argmax(IntPtr t, sbyte has_dim, long dim, sbyte keepdim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_argmin(IntPtr t, sbyte has_dim, long dim, sbyte keepdim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_all(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_any(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_cumsum(IntPtr t, long dim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_softmax(IntPtr t, long dim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_log_softmax(IntPtr t, long dim);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_tril(IntPtr t, long diagonal);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_triu(IntPtr t, long diagonal);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_diagonal(IntPtr t, long offset, long dim1, long dim2);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_diag_embed(IntPtr t, long offset, long dim1, long dim2);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_solve_triangular(IntPtr a, IntPtr b, sbyte upper, sbyte left, sbyte unitriangular);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_cholesky(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_neg(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_exp(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_expm1(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_log(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_log1p(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_log2(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_sqrt(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_rsqrt(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_square(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_abs(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_sign(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_reciprocal(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_round(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_floor(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_ceil(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_sin(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_cos(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_erf(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_erfinv(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_lgamma(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_sigmoid(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_tanh(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_relu(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_logical_not(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_bitwise_not(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_isnan(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_t(IntPtr t);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_add(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_sub(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_mul(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_div(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_remainder(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_pow(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_maximum(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_minimum(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_eq(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_ne(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_lt(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_le(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_gt(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_ge(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_logical_and(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_logical_or(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_logical_xor(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_bitwise_and(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_bitwise_or(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_bitwise_xor(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_matmul(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_mm(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_matmul_path(IntPtr a, IntPtr b, sbyte one_dnn);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_bmm(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_outer(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_equal_all(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_add_scalar(IntPtr a, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_sub_scalar(IntPtr a, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_rsub_scalar(IntPtr a, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_mul_scalar(IntPtr a, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_div_scalar(IntPtr a, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_rdiv_scalar(IntPtr a, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_remainder_scalar(IntPtr a, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_pow_scalar(IntPtr a, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_rpow_scalar(IntPtr a, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_eq_scalar(IntPtr a, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_ne_scalar(IntPtr a, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_lt_scalar(IntPtr a, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_le_scalar(IntPtr a, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_gt_scalar(IntPtr a, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_ge_scalar(IntPtr a, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial int ts_add_(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial int ts_sub_(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial int ts_mul_(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial int ts_div_(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial int ts_copy_(IntPtr a, IntPtr b);

    [LibraryImport(LibraryName)]
    internal static partial int ts_add_scalar_(IntPtr a, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial int ts_sub_scalar_(IntPtr a, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial int ts_mul_scalar_(IntPtr a, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial int ts_div_scalar_(IntPtr a, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial int ts_fill_scalar_(IntPtr a, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial int ts_clamp_min_scalar_(IntPtr a, Scalar value);

    [LibraryImport(LibraryName)]
    internal static partial int ts_clamp_max_scalar_(IntPtr a, Scalar value);
}
