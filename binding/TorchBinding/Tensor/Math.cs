using TorchSharp.Interop;
using N = TorchSharp.Interop.NativeMethods;

namespace TorchSharp;

// https://pytorch.org/docs/stable/torch.html#pointwise-ops
public static partial class torch
{
    public partial class Tensor
    {
        private Tensor Unary(Func<IntPtr, IntPtr> op) => Native.Tensor(op(Handle));

        private Tensor Binary(Func<IntPtr, IntPtr, IntPtr> op, Tensor other) => Native.Tensor(op(Handle, other.Handle));

        private Tensor WithScalar(Func<IntPtr, Scalar, IntPtr> op, Scalar value) => Native.Tensor(op(Handle, value));

        private Tensor InPlace(Func<IntPtr, IntPtr, int> op, Tensor other)
        {
            Native.Status(op(Handle, other.Handle));
            return this;
        }

        private Tensor InPlace(Func<IntPtr, Scalar, int> op, Scalar value)
        {
            Native.Status(op(Handle, value));
            return this;
        }

        private Tensor InPlace(Func<IntPtr, int> op)
        {
            Native.Status(op(Handle));
            return this;
        }

        // ---- unary ----
        public Tensor neg() => Unary(N.ts_neg);
        public Tensor negative() => neg();
        public Tensor exp() => Unary(N.ts_exp);
        public Tensor expm1() => Unary(N.ts_expm1);
        public Tensor log() => Unary(N.ts_log);
        public Tensor log1p() => Unary(N.ts_log1p);
        public Tensor log2() => Unary(N.ts_log2);
        public Tensor sqrt() => Unary(N.ts_sqrt);
        public Tensor rsqrt() => Unary(N.ts_rsqrt);
        public Tensor square() => Unary(N.ts_square);
        public Tensor abs() => Unary(N.ts_abs);
        public Tensor sign() => Unary(N.ts_sign);
        public Tensor reciprocal() => Unary(N.ts_reciprocal);
        public Tensor round() => Unary(N.ts_round);
        public Tensor floor() => Unary(N.ts_floor);
        public Tensor ceil() => Unary(N.ts_ceil);
        public Tensor sin() => Unary(N.ts_sin);
        public Tensor cos() => Unary(N.ts_cos);
        public Tensor erf() => Unary(N.ts_erf);
        public Tensor erfinv() => Unary(N.ts_erfinv);
        public Tensor lgamma() => Unary(N.ts_lgamma);
        public Tensor sigmoid() => Unary(N.ts_sigmoid);
        public Tensor tanh() => Unary(N.ts_tanh);
        public Tensor relu() => Unary(N.ts_relu);
        public Tensor selu() => Unary(N.ts_selu);
        public Tensor leaky_relu(double negative_slope = 0.01) => Native.Tensor(N.ts_leaky_relu(Handle, negative_slope));

        /// <summary>log(1 + exp(beta x)) / beta, and x itself where beta x exceeds <paramref name="threshold"/>.</summary>
        public Tensor softplus(double beta = 1.0, double threshold = 20.0) => Native.Tensor(N.ts_softplus(Handle, beta, threshold));

        public Tensor logical_not() => Unary(N.ts_logical_not);
        public Tensor isnan() => Unary(N.ts_isnan);
        public Tensor softmax(long dim) => Native.Tensor(N.ts_softmax(Handle, dim));
        public Tensor log_softmax(long dim) => Native.Tensor(N.ts_log_softmax(Handle, dim));
        public Tensor cumsum(long dim) => Native.Tensor(N.ts_cumsum(Handle, dim));

        // ---- binary ----
        public Tensor add(Tensor other) => Binary(N.ts_add, other);
        public Tensor add(Tensor other, Scalar alpha) => Native.Tensor(N.ts_add_alpha(Handle, other.Handle, alpha));
        public Tensor add(Scalar other) => WithScalar(N.ts_add_scalar, other);
        public Tensor sub(Tensor other) => Binary(N.ts_sub, other);
        public Tensor sub(Scalar other) => WithScalar(N.ts_sub_scalar, other);
        public Tensor mul(Tensor other) => Binary(N.ts_mul, other);
        public Tensor mul(Scalar other) => WithScalar(N.ts_mul_scalar, other);
        public Tensor div(Tensor other) => Binary(N.ts_div, other);
        public Tensor div(Scalar other) => WithScalar(N.ts_div_scalar, other);
        public Tensor remainder(Tensor other) => Binary(N.ts_remainder, other);
        public Tensor remainder(Scalar other) => WithScalar(N.ts_remainder_scalar, other);
        public Tensor pow(Tensor exponent) => Binary(N.ts_pow, exponent);
        public Tensor pow(Scalar exponent) => WithScalar(N.ts_pow_scalar, exponent);
        public Tensor maximum(Tensor other) => Binary(N.ts_maximum, other);
        public Tensor minimum(Tensor other) => Binary(N.ts_minimum, other);
        public Tensor matmul(Tensor other) => Binary(N.ts_matmul, other);
        public Tensor mm(Tensor other) => Binary(N.ts_mm, other);

        /// <summary>
        /// The product by a named computation, for tests: libtorch's own (<paramref name="oneDnn"/> false) or
        /// oneDNN's sgemm, which matmul takes for float32 CPU matrices (binding/native/matmul.cpp).
        /// </summary>
        internal Tensor matmul_path(bool oneDnn, Tensor other) =>
            Native.Tensor(N.ts_matmul_path(Handle, other.Handle, Native.Flag(oneDnn)));
        public Tensor bmm(Tensor other) => Binary(N.ts_bmm, other);
        public Tensor outer(Tensor other) => Binary(N.ts_outer, other);
        public Tensor lerp(Tensor end, double weight) => Native.Tensor(N.ts_lerp(Handle, end.Handle, weight));

        // ---- comparisons and logic ----
        public Tensor eq(Tensor other) => Binary(N.ts_eq, other);
        public Tensor eq(Scalar other) => WithScalar(N.ts_eq_scalar, other);
        public Tensor ne(Tensor other) => Binary(N.ts_ne, other);
        public Tensor ne(Scalar other) => WithScalar(N.ts_ne_scalar, other);
        public Tensor lt(Tensor other) => Binary(N.ts_lt, other);
        public Tensor lt(Scalar other) => WithScalar(N.ts_lt_scalar, other);
        public Tensor le(Tensor other) => Binary(N.ts_le, other);
        public Tensor le(Scalar other) => WithScalar(N.ts_le_scalar, other);
        public Tensor gt(Tensor other) => Binary(N.ts_gt, other);
        public Tensor gt(Scalar other) => WithScalar(N.ts_gt_scalar, other);
        public Tensor ge(Tensor other) => Binary(N.ts_ge, other);
        public Tensor ge(Scalar other) => WithScalar(N.ts_ge_scalar, other);
        public Tensor logical_and(Tensor other) => Binary(N.ts_logical_and, other);
        public Tensor logical_or(Tensor other) => Binary(N.ts_logical_or, other);
        public Tensor logical_xor(Tensor other) => Binary(N.ts_logical_xor, other);

        /// <summary>True when both tensors have the same shape and elements.</summary>
        public bool equal(Tensor other)
        {
            using var result = Binary(N.ts_equal_all, other);
            return result.item<bool>();
        }

        /// <summary>True when all elements are within atol + rtol * |other| of each other.</summary>
        public bool allclose(Tensor other, double rtol = 1e-05, double atol = 1e-08)
        {
            using var scope = NewDisposeScope();
            var tolerance = other.abs().mul(rtol).add(atol);
            return sub(other).abs().le(tolerance).all().item<bool>();
        }

        public Tensor clamp(Scalar? min = null, Scalar? max = null) =>
            Native.Tensor(N.ts_clamp(Handle, min ?? Scalar.None, max ?? Scalar.None));

        public Tensor clip(Scalar? min = null, Scalar? max = null) => clamp(min, max);
        public Tensor clamp_min(Scalar min) => clamp(min, null);
        public Tensor clamp_max(Scalar max) => clamp(null, max);

        public Tensor masked_fill(Tensor mask, Scalar value) =>
            Native.Tensor(N.ts_masked_fill(Handle, mask.Handle, value));

        public Tensor where(Tensor condition, Tensor other) => torch.where(condition, this, other);

        // ---- in place (these return this tensor) ----
        public Tensor add_(Tensor other) => InPlace(N.ts_add_, other);
        public Tensor add_(Scalar other) => InPlace(N.ts_add_scalar_, other);
        public Tensor sub_(Tensor other) => InPlace(N.ts_sub_, other);
        public Tensor sub_(Scalar other) => InPlace(N.ts_sub_scalar_, other);
        public Tensor mul_(Tensor other) => InPlace(N.ts_mul_, other);
        public Tensor mul_(Scalar other) => InPlace(N.ts_mul_scalar_, other);
        public Tensor div_(Tensor other) => InPlace(N.ts_div_, other);
        public Tensor div_(Scalar other) => InPlace(N.ts_div_scalar_, other);
        public Tensor copy_(Tensor source) => InPlace(N.ts_copy_, source);
        public Tensor fill_(Scalar value) => InPlace(N.ts_fill_scalar_, value);
        public Tensor clamp_min_(Scalar min) => InPlace(N.ts_clamp_min_scalar_, min);
        public Tensor clamp_max_(Scalar max) => InPlace(N.ts_clamp_max_scalar_, max);
        public Tensor relu_() => InPlace(N.ts_relu_);
        public Tensor selu_() => InPlace(N.ts_selu_);
        public Tensor leaky_relu_(double negative_slope = 0.01) => InPlace(t => N.ts_leaky_relu_(t, negative_slope));

        public Tensor zero_()
        {
            Native.Status(N.ts_zero_(Handle));
            return this;
        }

        // Samplers draw from `generator`, or from the default generator when it is null.

        private Tensor Sample(Func<IntPtr, IntPtr, int> op, Generator? generator)
        {
            Native.Status(op(Handle, generator?.Handle ?? IntPtr.Zero));
            GC.KeepAlive(generator);
            return this;
        }

        public Tensor uniform_(double from = 0, double to = 1, Generator? generator = null) =>
            Sample((t, g) => N.ts_uniform_(t, from, to, g), generator);

        public Tensor normal_(double mean = 0, double std = 1, Generator? generator = null) =>
            Sample((t, g) => N.ts_normal_(t, mean, std, g), generator);

        public Tensor bernoulli_(double p = 0.5, Generator? generator = null) => Sample((t, g) => N.ts_bernoulli_(t, p, g), generator);

        /// <summary>0/1 samples with this tensor's values as probabilities.</summary>
        public Tensor bernoulli(Generator? generator = null)
        {
            var result = Native.Tensor(N.ts_bernoulli(Handle, generator?.Handle ?? IntPtr.Zero));
            GC.KeepAlive(generator);
            return result;
        }
    }

    public static Tensor neg(Tensor input) => input.neg();
    public static Tensor exp(Tensor input) => input.exp();
    public static Tensor log(Tensor input) => input.log();
    public static Tensor log1p(Tensor input) => input.log1p();
    public static Tensor sqrt(Tensor input) => input.sqrt();
    public static Tensor square(Tensor input) => input.square();
    public static Tensor abs(Tensor input) => input.abs();
    public static Tensor round(Tensor input) => input.round();
    public static Tensor sigmoid(Tensor input) => input.sigmoid();
    public static Tensor tanh(Tensor input) => input.tanh();
    public static Tensor relu(Tensor input) => input.relu();
    public static Tensor erf(Tensor input) => input.erf();
    public static Tensor erfinv(Tensor input) => input.erfinv();
    public static Tensor lgamma(Tensor input) => input.lgamma();
    public static Tensor pow(Tensor input, Scalar exponent) => input.pow(exponent);
    public static Tensor pow(Tensor input, Tensor exponent) => input.pow(exponent);
    public static Tensor add(Tensor input, Tensor other) => input.add(other);
    public static Tensor sub(Tensor input, Tensor other) => input.sub(other);
    public static Tensor mul(Tensor input, Tensor other) => input.mul(other);
    public static Tensor div(Tensor input, Tensor other) => input.div(other);
    public static Tensor maximum(Tensor input, Tensor other) => input.maximum(other);
    public static Tensor minimum(Tensor input, Tensor other) => input.minimum(other);
    public static Tensor matmul(Tensor input, Tensor other) => input.matmul(other);
    public static Tensor mm(Tensor input, Tensor mat2) => input.mm(mat2);
    public static Tensor bmm(Tensor input, Tensor mat2) => input.bmm(mat2);
    public static Tensor clamp(Tensor input, Scalar? min = null, Scalar? max = null) => input.clamp(min, max);
    public static Tensor bernoulli(Tensor input, Generator? generator = null) => input.bernoulli(generator);
    public static Tensor softmax(Tensor input, long dim) => input.softmax(dim);
    public static Tensor log_softmax(Tensor input, long dim) => input.log_softmax(dim);

    /// <summary>Elements of x where condition holds, else of y.</summary>
    public static Tensor where(Tensor condition, Tensor x, Tensor y) =>
        Native.Tensor(N.ts_where(condition.Handle, x.Handle, y.Handle));
}
