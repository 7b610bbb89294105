// Tensor factories: zeros, ones, full, random numbers, ranges.
#include "shim.h"

#define TS_OPTS ts_options(dtype, device_type, device_index).requires_grad(requires_grad != 0)
#define TS_FACTORY_ARGS int8_t dtype, int32_t device_type, int32_t device_index, int8_t requires_grad

TS_EXPORT Tensor ts_zeros(const int64_t* dims, int ndim, TS_FACTORY_ARGS) {
    TS_TENSOR(torch::zeros(ts_shape(dims, ndim), TS_OPTS))
}

TS_EXPORT Tensor ts_ones(const int64_t* dims, int ndim, TS_FACTORY_ARGS) {
    TS_TENSOR(torch::ones(ts_shape(dims, ndim), TS_OPTS))
}

TS_EXPORT Tensor ts_empty(const int64_t* dims, int ndim, TS_FACTORY_ARGS) {
    TS_TENSOR(torch::empty(ts_shape(dims, ndim), TS_OPTS))
}

TS_EXPORT Tensor ts_full(const int64_t* dims, int ndim, ScalarValue value, TS_FACTORY_ARGS) {
    TS_TENSOR(torch::full(ts_shape(dims, ndim), ts_scalar(value), TS_OPTS))
}

// Random factories draw from `generator`, or from the default generator when it is null.
TS_EXPORT Tensor ts_rand(const int64_t* dims, int ndim, Generator generator, TS_FACTORY_ARGS) {
    TS_TENSOR(torch::rand(ts_shape(dims, ndim), ts_generator(generator), TS_OPTS))
}

TS_EXPORT Tensor ts_randn(const int64_t* dims, int ndim, Generator generator, TS_FACTORY_ARGS) {
    TS_TENSOR(torch::randn(ts_shape(dims, ndim), ts_generator(generator), TS_OPTS))
}

TS_EXPORT Tensor ts_randint(int64_t low, int64_t high, const int64_t* dims, int ndim, Generator generator, TS_FACTORY_ARGS) {
    TS_TENSOR(torch::randint(low, high, ts_shape(dims, ndim), ts_generator(generator), TS_OPTS))
}

TS_EXPORT Tensor ts_randperm(int64_t n, Generator generator, TS_FACTORY_ARGS) {
    TS_TENSOR(torch::randperm(n, ts_generator(generator), TS_OPTS))
}

TS_EXPORT Tensor ts_arange(ScalarValue start, ScalarValue end, ScalarValue step, TS_FACTORY_ARGS) {
    TS_TENSOR(torch::arange(ts_scalar(start), ts_scalar(end), ts_scalar(step), TS_OPTS))
}

TS_EXPORT Tensor ts_linspace(double start, double end, int64_t steps, TS_FACTORY_ARGS) {
    TS_TENSOR(torch::linspace(start, end, steps, TS_OPTS))
}

TS_EXPORT Tensor ts_eye(int64_t n, int64_t m, TS_FACTORY_ARGS) {
    TS_TENSOR(torch::eye(n, m, TS_OPTS))
}

TS_EXPORT Tensor ts_scalar_tensor(ScalarValue value, TS_FACTORY_ARGS) {
    TS_TENSOR(torch::scalar_tensor(ts_scalar(value), TS_OPTS))
}

// *_like factories: the dtype argument -1 keeps the input's dtype.
static at::TensorOptions like_options(const at::Tensor& t, int8_t dtype, int8_t requires_grad) {
    auto options = t.options().requires_grad(requires_grad != 0);
    return dtype < 0 ? options : options.dtype(static_cast<at::ScalarType>(dtype));
}

TS_EXPORT Tensor ts_zeros_like(Tensor t, int8_t dtype, int8_t requires_grad) {
    TS_TENSOR(torch::zeros_like(*t, like_options(*t, dtype, requires_grad)))
}

TS_EXPORT Tensor ts_ones_like(Tensor t, int8_t dtype, int8_t requires_grad) {
    TS_TENSOR(torch::ones_like(*t, like_options(*t, dtype, requires_grad)))
}

TS_EXPORT Tensor ts_empty_like(Tensor t, int8_t dtype, int8_t requires_grad) {
    TS_TENSOR(torch::empty_like(*t, like_options(*t, dtype, requires_grad)))
}

TS_EXPORT Tensor ts_full_like(Tensor t, ScalarValue value, int8_t dtype, int8_t requires_grad) {
    TS_TENSOR(torch::full_like(*t, ts_scalar(value), like_options(*t, dtype, requires_grad)))
}

TS_EXPORT Tensor ts_rand_like(Tensor t, int8_t dtype, int8_t requires_grad) {
    TS_TENSOR(torch::rand_like(*t, like_options(*t, dtype, requires_grad)))
}

TS_EXPORT Tensor ts_randn_like(Tensor t, int8_t dtype, int8_t requires_grad) {
    TS_TENSOR(torch::randn_like(*t, like_options(*t, dtype, requires_grad)))
}
