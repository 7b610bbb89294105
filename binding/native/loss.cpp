// Binary cross-entropy of float32 CPU probabilities in one pass, with vectorised logarithms.
//
// libtorch 1.13 computes binary_cross_entropy element by element with the scalar std::log, twice per
// element: for a batch of 128 Fashion-MNIST images that is 450 us of a 2 ms training step on the build
// machine, where one vectorised log of the same tensor takes 60 us. Here the logarithms come from SLEEF
// (libsleef.so.3, which libtorch itself loads for its vectorised log), 16 or 8 at a time, and the loss,
// its range check and its sum run in one loop; the backward is one loop too. The formulas and their order
// of operations are libtorch's (aten/src/ATen/native/Loss.cpp): each log is clamped at -100 and the
// backward's denominator (1 - x) x kept at least 1e-12. The tests compare both with libtorch's own.
#include "shim.h"
#include "vector_loops.h"
#include <ATen/Parallel.h>
#include <dlfcn.h>
#include <immintrin.h>
#include <cmath>

#pragma GCC diagnostic ignored "-Wpsabi"  // the vector types below are only passed inside AVX functions
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"  // GCC 12's own avx512fintrin.h (_mm512_undefined_ps)

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

constexpr float kLogFloor = -100.0f;
constexpr float kEpsilon = 1e-12f;
constexpr int64_t kBlock = 512;     // elements whose logs sit in two stack buffers at a time
constexpr int64_t kChunk = 16384;   // elements per parallel task; fixed, so the sum does not depend on threads

// SLEEF's logf to 1 ulp for 16 and 8 lanes; null where the CPU (or the library) lacks them.
using Log16 = __m512 (*)(__m512);
using Log8 = __m256 (*)(__m256);

struct VectorLogs {
    Log16 log16 = nullptr;
    Log8 log8 = nullptr;
};

const VectorLogs& vector_logs() {
    static const VectorLogs found = [] {
        VectorLogs logs;
        void* library = dlopen("libsleef.so.3", RTLD_NOW | RTLD_NOLOAD);
        if (library == nullptr) library = dlopen("libsleef.so.3", RTLD_NOW);
        if (library == nullptr) return logs;
        if (__builtin_cpu_supports("avx512f"))
            logs.log16 = reinterpret_cast<Log16>(dlsym(library, "Sleef_logf16_u10avx512f"));
        if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
            logs.log8 = reinterpret_cast<Log8>(dlsym(library, "Sleef_logf8_u10avx2"));
        return logs;
    }();
    return found;
}

// max(log(x), -100) and max(log(1 - x), -100) for the first elements of x that fill whole vectors;
// returns how many it did.
__attribute__((target("avx512f"))) int64_t clamped_logs16(Log16 log16, const float* x, int64_t n, float* log_x,
                                                          float* log_1mx) {
    const __m512 one = _mm512_set1_ps(1.0f), floor = _mm512_set1_ps(kLogFloor);
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m512 v = _mm512_loadu_ps(x + i);
        _mm512_storeu_ps(log_x + i, _mm512_max_ps(log16(v), floor));
        _mm512_storeu_ps(log_1mx + i, _mm512_max_ps(log16(_mm512_sub_ps(one, v)), floor));
    }
    return i;
}

__attribute__((target("avx2,fma"))) int64_t clamped_logs8(Log8 log8, const float* x, int64_t n, float* log_x,
                                                          float* log_1mx) {
    const __m256 one = _mm256_set1_ps(1.0f), floor = _mm256_set1_ps(kLogFloor);
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256 v = _mm256_loadu_ps(x + i);
        _mm256_storeu_ps(log_x + i, _mm256_max_ps(log8(v), floor));
        _mm256_storeu_ps(log_1mx + i, _mm256_max_ps(log8(_mm256_sub_ps(one, v)), floor));
    }
    return i;
}

void clamped_logs(const float* x, int64_t n, float* log_x, float* log_1mx) {
    const auto& logs = vector_logs();
    int64_t i = logs.log16 ? clamped_logs16(logs.log16, x, n, log_x, log_1mx)
                : logs.log8 ? clamped_logs8(logs.log8, x, n, log_x, log_1mx)
                            : 0;
    for (; i < n; ++i) {
        log_x[i] = std::max(std::log(x[i]), kLogFloor);
        log_1mx[i] = std::max(std::log(1 - x[i]), kLogFloor);
    }
}

// Adds the losses (t - 1) log(1 - x) - t log(x) of n elements into 16 double lanes, and counts the
// elements outside [0, 1] (NaN included).
TS_VECTOR_CLONES void add_losses(const float* __restrict x, const float* __restrict t,
                                 const float* __restrict log_x, const float* __restrict log_1mx, int64_t n,
                                 double* __restrict lanes, int64_t* __restrict outside) {
    int64_t bad = 0;
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        for (int j = 0; j < 16; ++j) {
            lanes[j] += static_cast<double>((t[i + j] - 1) * log_1mx[i + j] - t[i + j] * log_x[i + j]);
            bad += (x[i + j] >= 0.0f && x[i + j] <= 1.0f) ? 0 : 1;
        }
    }
    for (; i < n; ++i) {
        lanes[0] += static_cast<double>((t[i] - 1) * log_1mx[i] - t[i] * log_x[i]);
        bad += (x[i] >= 0.0f && x[i] <= 1.0f) ? 0 : 1;
    }
    *outside += bad;
}

// The summed loss of [begin, end).
double chunk_loss(const float* x, const float* t, int64_t begin, int64_t end, int64_t* outside) {
    alignas(64) float log_x[kBlock];
    alignas(64) float log_1mx[kBlock];
    double lanes[16] = {};
    for (int64_t b = begin; b < end; b += kBlock) {
        const int64_t n = std::min(kBlock, end - b);
        clamped_logs(x + b, n, log_x, log_1mx);
        add_losses(x + b, t + b, log_x, log_1mx, n, lanes, outside);
    }
    double sum = 0;
    for (double lane : lanes) sum += lane;
    return sum;
}

// The loss summed over all elements, in a fixed order of chunks whatever the number of threads.
double loss_sum(const at::Tensor& x, const at::Tensor& t) {
    const float* xs = x.data_ptr<float>();
    const float* ts = t.data_ptr<float>();
    const int64_t n = x.numel(), chunks = (n + kChunk - 1) / kChunk;
    std::vector<double> sums(chunks);
    std::vector<int64_t> outside(chunks);
    at::parallel_for(0, chunks, 1, [&](int64_t first, int64_t last) {
        for (int64_t c = first; c < last; ++c)
            sums[c] = chunk_loss(xs, ts, c * kChunk, std::min(n, (c + 1) * kChunk), &outside[c]);
    });
    double total = 0;
    for (int64_t c = 0; c < chunks; ++c) {
        TORCH_CHECK(outside[c] == 0, "all elements of input should be between 0 and 1");
        total += sums[c];
    }
    return total;
}

// grad (x - t) / max((1 - x) x, 1e-12), divided by the element count for a mean.
TS_VECTOR_CLONES void loss_gradient(const float* __restrict x, const float* __restrict t, float* __restrict gx,
                                    int64_t n, float grad, float count, bool mean) {
    if (mean) {
        for (int64_t i = 0; i < n; ++i)
            gx[i] = grad * (x[i] - t[i]) / std::max((1 - x[i]) * x[i], kEpsilon) / count;
    } else {
        for (int64_t i = 0; i < n; ++i) gx[i] = grad * (x[i] - t[i]) / std::max((1 - x[i]) * x[i], kEpsilon);
    }
}

struct FusedBinaryCrossEntropy : public torch::autograd::Function<FusedBinaryCrossEntropy> {
    static at::Tensor forward(AutogradContext* ctx, const at::Tensor& x, const at::Tensor& t, int64_t reduction) {
        ctx->save_for_backward({x, t});
        ctx->saved_data["reduction"] = reduction;
        double sum = loss_sum(x, t);
        double value = reduction == at::Reduction::Mean ? sum / static_cast<double>(x.numel()) : sum;
        return at::scalar_tensor(value, x.options());
    }

    static variable_list backward(AutogradContext* ctx, variable_list grads) {
        auto saved = ctx->get_saved_variables();
        const auto& x = saved[0];
        const auto& t = saved[1];
        const int64_t reduction = ctx->saved_data["reduction"].toInt();
        if (at::GradMode::is_enabled())  // create_graph: libtorch's backward, itself differentiable
            return {at::binary_cross_entropy_backward(grads[0], x, t, {}, reduction), at::Tensor(), at::Tensor()};
        auto gx = at::empty_like(x, at::MemoryFormat::Contiguous);
        const float grad = grads[0].item<float>();
        const float* xs = x.data_ptr<float>();
        const float* ts = t.data_ptr<float>();
        float* gs = gx.data_ptr<float>();
        const float count = static_cast<float>(x.numel());
        at::parallel_for(0, x.numel(), kChunk, [&](int64_t begin, int64_t end) {
            loss_gradient(xs + begin, ts + begin, gs + begin, end - begin, grad, count,
                          reduction == at::Reduction::Mean);
        });
        return {gx, at::Tensor(), at::Tensor()};
    }
};

bool fusable(const at::Tensor& x, const at::Tensor& t, Tensor weight, int64_t reduction) {
    return weight == nullptr && (reduction == at::Reduction::Mean || reduction == at::Reduction::Sum) &&
           x.scalar_type() == at::kFloat && t.scalar_type() == at::kFloat && x.device().is_cpu() &&
           t.device().is_cpu() && x.is_contiguous() && t.is_contiguous() && x.sizes() == t.sizes() &&
           x.numel() > 0 && !t.requires_grad();
}

}  // namespace

// reduction: 0 none, 1 mean, 2 sum (libtorch's numbering, and TorchSharp's).
TS_EXPORT Tensor ts_binary_cross_entropy(Tensor input, Tensor target, Tensor weight, int64_t reduction) {
    TS_TENSOR(fusable(*input, *target, weight, reduction)
                  ? FusedBinaryCrossEntropy::apply(*input, *target, reduction)
                  : at::binary_cross_entropy(*input, *target, ts_optional(weight), reduction))
}

// The two computations by name, for the tests that hold them equal.
TS_EXPORT Tensor ts_binary_cross_entropy_path(Tensor input, Tensor target, int64_t reduction, int8_t fused) {
    try {
        if (fused == 0) return new at::Tensor(at::binary_cross_entropy(*input, *target, {}, reduction));
        TORCH_CHECK(fusable(*input, *target, nullptr, reduction),
                    "fused binary cross-entropy: needs contiguous float32 CPU input and target of one shape, "
                    "a target without gradient and reduction mean or sum; got ", input->sizes(), " ",
                    input->scalar_type(), " and ", target->sizes(), " ", target->scalar_type());
        return new at::Tensor(FusedBinaryCrossEntropy::apply(*input, *target, reduction));
    }
    TS_CATCH(nullptr)
}
