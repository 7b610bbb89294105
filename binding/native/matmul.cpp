// Matrix products of float32 CPU matrices through oneDNN's sgemm.
//
// libtorch 1.13 from Debian hands float32 products to OpenBLAS 0.3.21, which runs its AVX2 (Haswell)
// kernels on CPUs it does not know and keeps a thread pool of its own. oneDNN, which libtorch already
// loads for its convolutions, has an sgemm of its own (dnnl_sgemm) that uses AVX-512 where the CPU has
// it and libtorch's OpenMP threads. Measured on the build machine (2 vCPUs of an AMD EPYC, 2 threads):
// 100x784 @ 784x512 577 us -> 259 us, 2048^3 96 ms -> 47 ms. The products are the same sums; the tests
// compare values and gradients with libtorch's own product.
#include "shim.h"
#include <dlfcn.h>

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// dnnl_status_t dnnl_sgemm(char transa, char transb, dnnl_dim_t M, dnnl_dim_t N, dnnl_dim_t K, float alpha,
//                          const float* A, dnnl_dim_t lda, const float* B, dnnl_dim_t ldb, float beta,
//                          float* C, dnnl_dim_t ldc);   row-major, 0 on success (oneDNN's C API).
using Sgemm = int (*)(char, char, int64_t, int64_t, int64_t, float, const float*, int64_t, const float*, int64_t,
                      float, float*, int64_t);

Sgemm sgemm() {
    static const Sgemm found = [] {
        void* library = dlopen("libdnnl.so.2", RTLD_NOW | RTLD_NOLOAD);
        if (library == nullptr) library = dlopen("libdnnl.so.2", RTLD_NOW);
        return library == nullptr ? nullptr : reinterpret_cast<Sgemm>(dlsym(library, "dnnl_sgemm"));
    }();
    return found;
}

// How a 2-D tensor lies in memory as a row-major matrix: as is ('N') or as the transpose of one ('T').
struct Operand {
    at::Tensor storage;
    char trans;
    int64_t ld;
};

Operand operand(const at::Tensor& t) {
    const int64_t rows = t.size(0), cols = t.size(1);
    if (t.stride(1) == 1 && t.stride(0) >= std::max<int64_t>(1, cols)) return {t, 'N', t.stride(0)};
    if (t.stride(0) == 1 && t.stride(1) >= std::max<int64_t>(1, rows)) return {t, 'T', t.stride(1)};
    auto copy = t.contiguous();
    return {copy, 'N', std::max<int64_t>(1, cols)};
}

// c [M, N] = a [M, K] @ b [K, N] + beta * c, for a contiguous c.
void multiply_into(const at::Tensor& a, const at::Tensor& b, at::Tensor& c, float beta) {
    const int64_t m = a.size(0), k = a.size(1), n = b.size(1);
    const auto A = operand(a), B = operand(b);
    int status = sgemm()(A.trans, B.trans, m, n, k, 1.0f, A.storage.data_ptr<float>(), A.ld,
                         B.storage.data_ptr<float>(), B.ld, beta, c.data_ptr<float>(), n);
    TORCH_CHECK(status == 0, "oneDNN sgemm failed with status ", status, " for [", m, ", ", k, "] @ [", k, ", ", n, "]");
}

// a [M, K] @ b [K, N] -> a new contiguous [M, N].
at::Tensor product(const at::Tensor& a, const at::Tensor& b) {
    auto c = at::empty({a.size(0), b.size(1)}, a.options());
    multiply_into(a, b, c, 0.0f);
    return c;
}

// A product inside a backward: with create_graph it must itself be differentiable, so libtorch's then.
at::Tensor backward_product(const at::Tensor& a, const at::Tensor& b) {
    return at::GradMode::is_enabled() ? a.mm(b) : product(a, b);
}

struct OneDnnMatmul : public torch::autograd::Function<OneDnnMatmul> {
    static at::Tensor forward(AutogradContext* ctx, const at::Tensor& a, const at::Tensor& b) {
        ctx->save_for_backward({a, b});
        return product(a, b);
    }

    static variable_list backward(AutogradContext* ctx, variable_list grads) {
        auto saved = ctx->get_saved_variables();
        const auto& gy = grads[0];
        at::Tensor ga, gb;
        if (ctx->needs_input_grad(0)) ga = backward_product(gy, saved[1].t());
        if (ctx->needs_input_grad(1)) gb = backward_product(saved[0].t(), gy);
        return {ga, gb};
    }
};

bool fast(const at::Tensor& a, const at::Tensor& b) {
    return sgemm() != nullptr && a.dim() == 2 && b.dim() == 2 && a.size(1) == b.size(0) && a.numel() > 0 &&
           b.numel() > 0 && a.scalar_type() == at::kFloat && b.scalar_type() == at::kFloat && a.device().is_cpu() &&
           b.device().is_cpu();
}

// x [M, K] @ w^T + b as one autograd node: the bias is copied into the output rows first and the
// product added onto it (sgemm's beta = 1), so a layer costs one node and no separate addition.
struct OneDnnLinear : public torch::autograd::Function<OneDnnLinear> {
    static at::Tensor forward(AutogradContext* ctx, const at::Tensor& x, const at::Tensor& w, const at::Tensor& b) {
        ctx->save_for_backward({x, w});
        auto y = b.expand({x.size(0), w.size(0)}).contiguous();
        multiply_into(x, w.t(), y, 1.0f);
        return y;
    }

    static variable_list backward(AutogradContext* ctx, variable_list grads) {
        auto saved = ctx->get_saved_variables();
        const auto& x = saved[0];
        const auto& w = saved[1];
        const auto& gy = grads[0];
        at::Tensor gx, gw, gb;
        if (ctx->needs_input_grad(0)) gx = backward_product(gy, w);
        if (ctx->needs_input_grad(1)) gw = backward_product(gy.t(), x);
        if (ctx->needs_input_grad(2)) gb = gy.sum(0);
        return {gx, gw, gb};
    }
};

at::Tensor linear(const at::Tensor& x, const at::Tensor& w, Tensor bias) {
    if (x.dim() < 2 || w.dim() != 2 || x.size(-1) != w.size(1)) return at::linear(x, w, ts_optional(bias));
    auto rows = x.dim() == 2 ? x : x.reshape({-1, x.size(-1)});
    const bool plain_bias = bias == nullptr || (bias->dim() == 1 && bias->size(0) == w.size(0) &&
                                                bias->scalar_type() == at::kFloat && bias->device().is_cpu());
    if (!fast(rows, w.t()) || !plain_bias) return at::linear(x, w, ts_optional(bias));
    auto y = bias == nullptr ? OneDnnMatmul::apply(rows, w.t()) : OneDnnLinear::apply(rows, w, *bias);
    if (x.dim() == 2) return y;
    std::vector<int64_t> shape(x.sizes().begin(), x.sizes().end());
    shape.back() = w.size(0);
    return y.view(shape);
}

}  // namespace

TS_EXPORT Tensor ts_linear(Tensor input, Tensor weight, Tensor bias) {
    TS_TENSOR(linear(*input, *weight, bias))
}

TS_EXPORT Tensor ts_matmul(Tensor a, Tensor b) {
    TS_TENSOR(fast(*a, *b) ? OneDnnMatmul::apply(*a, *b) : a->matmul(*b))
}

TS_EXPORT Tensor ts_mm(Tensor a, Tensor b) {
    TS_TENSOR(fast(*a, *b) ? OneDnnMatmul::apply(*a, *b) : a->mm(*b))
}

// The two computations by name, for the tests that hold them equal.
TS_EXPORT Tensor ts_matmul_path(Tensor a, Tensor b, int8_t one_dnn) {
    try {
        if (one_dnn == 0) return new at::Tensor(a->matmul(*b));
        TORCH_CHECK(fast(*a, *b), "matmul via oneDNN: needs two float32 CPU matrices [M, K] @ [K, N], got ", a->sizes(),
                    " ", a->scalar_type(), " and ", b->sizes(), " ", b->scalar_type());
        return new at::Tensor(OneDnnMatmul::apply(*a, *b));
    }
    TS_CATCH(nullptr)
}
