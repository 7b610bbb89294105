// Element-wise arithmetic, comparisons, reductions and linear algebra.
#include "shim.h"

#define TS_UNARY(name, expr) \
    TS_EXPORT Tensor ts_##name(Tensor t) { TS_TENSOR(expr) }
#define TS_BINARY(name, expr) \
    TS_EXPORT Tensor ts_##name(Tensor a, Tensor b) { TS_TENSOR(expr) }
#define TS_BINARY_SCALAR(name, expr) \
    TS_EXPORT Tensor ts_##name##_scalar(Tensor a, ScalarValue value) { \
        try {                                                          \
            at::Scalar s = ts_scalar(value);                           \
            return new at::Tensor(expr);                               \
        }                                                              \
        TS_CATCH(nullptr)                                              \
    }
#define TS_INPLACE(name, expr) \
    TS_EXPORT int32_t ts_##name##_(Tensor a, Tensor b) { TS_STATUS(expr) }
#define TS_INPLACE_SCALAR(name, expr) \
    TS_EXPORT int32_t ts_##name##_scalar_(Tensor a, ScalarValue value) { \
        TS_STATUS(at::Scalar s = ts_scalar(value); expr)                 \
    }

TS_UNARY(neg, t->neg())
TS_UNARY(exp, t->exp())
TS_UNARY(expm1, t->expm1())
TS_UNARY(log, t->log())
TS_UNARY(log1p, t->log1p())
TS_UNARY(log2, t->log2())
TS_UNARY(sqrt, t->sqrt())
TS_UNARY(rsqrt, t->rsqrt())
TS_UNARY(square, t->square())
TS_UNARY(abs, t->abs())
TS_UNARY(sign, t->sign())
TS_UNARY(reciprocal, t->reciprocal())
TS_UNARY(round, t->round())
TS_UNARY(floor, t->floor())
TS_UNARY(ceil, t->ceil())
TS_UNARY(sin, t->sin())
TS_UNARY(cos, t->cos())
TS_UNARY(erf, t->erf())
TS_UNARY(erfinv, t->erfinv())
TS_UNARY(lgamma, t->lgamma())
TS_UNARY(sigmoid, t->sigmoid())
TS_UNARY(tanh, t->tanh())
TS_UNARY(relu, t->relu())
TS_UNARY(logical_not, t->logical_not())
TS_UNARY(bitwise_not, t->bitwise_not())
TS_UNARY(isnan, t->isnan())
TS_UNARY(t, t->t())

TS_BINARY(add, *a + *b)
TS_BINARY(sub, *a - *b)
TS_BINARY(mul, *a * *b)
TS_BINARY(div, *a / *b)
TS_BINARY(remainder, a->remainder(*b))
TS_BINARY(pow, a->pow(*b))
TS_BINARY(maximum, at::maximum(*a, *b))
TS_BINARY(minimum, at::minimum(*a, *b))
TS_BINARY(eq, a->eq(*b))
TS_BINARY(ne, a->ne(*b))
TS_BINARY(lt, a->lt(*b))
TS_BINARY(le, a->le(*b))
TS_BINARY(gt, a->gt(*b))
TS_BINARY(ge, a->ge(*b))
TS_BINARY(logical_and, a->logical_and(*b))
TS_BINARY(logical_or, a->logical_or(*b))
TS_BINARY(logical_xor, a->logical_xor(*b))
TS_BINARY(bitwise_and, a->bitwise_and(*b))
TS_BINARY(bitwise_or, a->bitwise_or(*b))
TS_BINARY(bitwise_xor, a->bitwise_xor(*b))
// ts_matmul and ts_mm live in matmul.cpp.
TS_BINARY(bmm, a->bmm(*b))
TS_BINARY(outer, at::outer(*a, *b))
TS_BINARY(equal_all, at::scalar_tensor(a->equal(*b), at::kBool))

TS_BINARY_SCALAR(add, *a + s)
TS_BINARY_SCALAR(sub, *a - s)
TS_BINARY_SCALAR(rsub, at::rsub(*a, s))
TS_BINARY_SCALAR(mul, *a * s)
TS_BINARY_SCALAR(div, *a / s)
// scalar / tensor divides in the dtype tensor / scalar would have, so `1.5 / longTensor` keeps its fraction.
TS_BINARY_SCALAR(rdiv, at::scalar_tensor(s, a->options().dtype(at::result_type(*a, s))) / *a)
TS_BINARY_SCALAR(remainder, a->remainder(s))
TS_BINARY_SCALAR(pow, a->pow(s))
TS_BINARY_SCALAR(rpow, at::pow(s, *a))
TS_BINARY_SCALAR(eq, a->eq(s))
TS_BINARY_SCALAR(ne, a->ne(s))
TS_BINARY_SCALAR(lt, a->lt(s))
TS_BINARY_SCALAR(le, a->le(s))
TS_BINARY_SCALAR(gt, a->gt(s))
TS_BINARY_SCALAR(ge, a->ge(s))

TS_INPLACE(add, a->add_(*b))
TS_INPLACE(sub, a->sub_(*b))
TS_INPLACE(mul, a->mul_(*b))
TS_INPLACE(div, a->div_(*b))
TS_INPLACE(copy, a->copy_(*b))
TS_INPLACE_SCALAR(add, a->add_(s))
TS_INPLACE_SCALAR(sub, a->sub_(s))
TS_INPLACE_SCALAR(mul, a->mul_(s))
TS_INPLACE_SCALAR(div, a->div_(s))
TS_INPLACE_SCALAR(fill, a->fill_(s))
TS_INPLACE_SCALAR(clamp_min, a->clamp_min_(s))
TS_INPLACE_SCALAR(clamp_max, a->clamp_max_(s))

TS_EXPORT int32_t ts_zero_(Tensor t) {
    TS_STATUS(t->zero_())
}

// a + alpha * b, as one kernel.
TS_EXPORT Tensor ts_add_alpha(Tensor a, Tensor b, ScalarValue alpha) {
    TS_TENSOR(at::add(*a, *b, ts_scalar(alpha)))
}

// Each bound is optional (kind NONE) and integral or not on its own: integral bounds keep an int64 tensor int64.
TS_EXPORT Tensor ts_clamp(Tensor t, ScalarValue min, ScalarValue max) {
    TS_TENSOR(t->clamp(ts_optional_scalar(min), ts_optional_scalar(max)))
}

TS_EXPORT Tensor ts_where(Tensor condition, Tensor a, Tensor b) {
    TS_TENSOR(at::where(*condition, *a, *b))
}

TS_EXPORT Tensor ts_masked_fill(Tensor t, Tensor mask, ScalarValue value) {
    TS_TENSOR(t->masked_fill(*mask, ts_scalar(value)))
}

TS_EXPORT Tensor ts_lerp(Tensor a, Tensor b, double weight) {
    TS_TENSOR(a->lerp(*b, weight))
}

// Reductions. An empty dims list means "all dimensions"; dtype -1 keeps the default.
static c10::optional<at::ScalarType> optional_dtype(int8_t dtype) {
    return dtype < 0 ? c10::nullopt : c10::optional<at::ScalarType>(static_cast<at::ScalarType>(dtype));
}

TS_EXPORT Tensor ts_sum(Tensor t, const int64_t* dims, int ndims, int8_t keepdim, int8_t dtype) {
    TS_TENSOR(ndims == 0 ? t->sum(optional_dtype(dtype)) : t->sum(ts_shape(dims, ndims), keepdim != 0, optional_dtype(dtype)))
}

TS_EXPORT Tensor ts_mean(Tensor t, const int64_t* dims, int ndims, int8_t keepdim, int8_t dtype) {
    TS_TENSOR(ndims == 0 ? t->mean(optional_dtype(dtype)) : t->mean(ts_shape(dims, ndims), keepdim != 0, optional_dtype(dtype)))
}

TS_EXPORT Tensor ts_prod(Tensor t, int8_t dtype) {
    TS_TENSOR(t->prod(optional_dtype(dtype)))
}

TS_EXPORT Tensor ts_var(Tensor t, const int64_t* dims, int ndims, int8_t unbiased, int8_t keepdim) {
    TS_TENSOR(ndims == 0 ? t->var(unbiased != 0) : t->var(ts_shape(dims, ndims), unbiased != 0, keepdim != 0))
}

TS_EXPORT Tensor ts_std(Tensor t, const int64_t* dims, int ndims, int8_t unbiased, int8_t keepdim) {
    TS_TENSOR(ndims == 0 ? t->std(unbiased != 0) : t->std(ts_shape(dims, ndims), unbiased != 0, keepdim != 0))
}

TS_EXPORT Tensor ts_logsumexp(Tensor t, const int64_t* dims, int ndims, int8_t keepdim) {
    TS_TENSOR(t->logsumexp(ts_shape(dims, ndims), keepdim != 0))
}

TS_EXPORT Tensor ts_max_all(Tensor t) {
    TS_TENSOR(t->max())
}

TS_EXPORT Tensor ts_min_all(Tensor t) {
    TS_TENSOR(t->min())
}

// max/min along a dimension return [values, indices].
TS_EXPORT TensorList ts_max_dim(Tensor t, int64_t dim, int8_t keepdim) {
    try {
        auto result = t->max(dim, keepdim != 0);
        return new std::vector<at::Tensor>{std::get<0>(result), std::get<1>(result)};
    }
    TS_CATCH(nullptr)
}

TS_EXPORT TensorList ts_min_dim(Tensor t, int64_t dim, int8_t keepdim) {
    try {
        auto result = t->min(dim, keepdim != 0);
        return new std::vector<at::Tensor>{std::get<0>(result), std::get<1>(result)};
    }
    TS_CATCH(nullptr)
}

TS_EXPORT Tensor ts_argmax(Tensor t, int8_t has_dim, int64_t dim, int8_t keepdim) {
    TS_TENSOR(has_dim ? t->argmax(dim, keepdim != 0) : t->argmax())
}

TS_EXPORT Tensor ts_argmin(Tensor t, int8_t has_dim, int64_t dim, int8_t keepdim) {
    TS_TENSOR(has_dim ? t->argmin(dim, keepdim != 0) : t->argmin())
}

TS_EXPORT Tensor ts_all(Tensor t) {
    TS_TENSOR(t->all())
}

TS_EXPORT Tensor ts_any(Tensor t) {
    TS_TENSOR(t->any())
}

TS_EXPORT Tensor ts_cumsum(Tensor t, int64_t dim) {
    TS_TENSOR(t->cumsum(dim))
}

TS_EXPORT Tensor ts_softmax(Tensor t, int64_t dim) {
    TS_TENSOR(t->softmax(dim))
}

TS_EXPORT Tensor ts_log_softmax(Tensor t, int64_t dim) {
    TS_TENSOR(t->log_softmax(dim))
}

// Linear algebra used by the distributions.
TS_EXPORT Tensor ts_tril(Tensor t, int64_t diagonal) {
    TS_TENSOR(t->tril(diagonal))
}

TS_EXPORT Tensor ts_triu(Tensor t, int64_t diagonal) {
    TS_TENSOR(t->triu(diagonal))
}

TS_EXPORT Tensor ts_diagonal(Tensor t, int64_t offset, int64_t dim1, int64_t dim2) {
    TS_TENSOR(t->diagonal(offset, dim1, dim2))
}

TS_EXPORT Tensor ts_diag_embed(Tensor t, int64_t offset, int64_t dim1, int64_t dim2) {
    TS_TENSOR(at::diag_embed(*t, offset, dim1, dim2))
}

TS_EXPORT Tensor ts_solve_triangular(Tensor a, Tensor b, int8_t upper, int8_t left, int8_t unitriangular) {
    TS_TENSOR(at::linalg_solve_triangular(*a, *b, upper != 0, left != 0, unitriangular != 0))
}

TS_EXPORT Tensor ts_cholesky(Tensor t) {
    TS_TENSOR(at::linalg_cholesky(*t))
}
