// Process-wide settings: random seeds, threads, devices, version; in-place random fills.
#include "shim.h"
#include <dlfcn.h>
#include <string>

TS_EXPORT int32_t ts_manual_seed(int64_t seed) {
    TS_STATUS(torch::manual_seed(static_cast<uint64_t>(seed)))
}

TS_EXPORT int32_t ts_set_num_threads(int32_t threads) {
    TS_STATUS(at::set_num_threads(threads))
}

// Threads of the BLAS under libtorch (OpenBLAS from Debian keeps its own pthread pool, apart from
// libtorch's OpenMP threads). Returns 1 when set, 0 when the BLAS loaded has no such setting.
TS_EXPORT int32_t ts_set_blas_threads(int32_t threads) {
    try {
        if (threads < 1) {
            ts_set_error(("set_blas_threads: threads must be at least 1, got " + std::to_string(threads)).c_str());
            return -1;
        }
        using SetThreads = void (*)(int);
        auto set_threads = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
        if (set_threads == nullptr) return 0;
        set_threads(threads);
        return 1;
    }
    TS_CATCH(-1)
}

// The BLAS's thread count, or 0 when the BLAS loaded does not say.
TS_EXPORT int32_t ts_get_blas_threads() {
    using GetThreads = int (*)();
    auto get_threads = reinterpret_cast<GetThreads>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
    return get_threads == nullptr ? 0 : get_threads();
}

TS_EXPORT int32_t ts_get_num_threads() {
    TS_VALUE(int32_t, at::get_num_threads())
}

TS_EXPORT int32_t ts_cuda_is_available() {
    TS_VALUE(int32_t, torch::cuda::is_available() ? 1 : 0)
}

TS_EXPORT int32_t ts_cuda_device_count() {
    TS_VALUE(int32_t, torch::cuda::device_count())
}

TS_EXPORT int32_t ts_cuda_manual_seed_all(int64_t seed) {
    TS_STATUS(torch::cuda::manual_seed_all(static_cast<uint64_t>(seed)))
}

// The libtorch version this shim was compiled against, e.g. "1.13.1".
TS_EXPORT const char* ts_version() {
    return TORCH_VERSION;
}

// A multi-line description of the build: BLAS, OpenMP, CPU capability.
TS_EXPORT const char* ts_build_info() {
    static std::string info;
    try {
        info = at::show_config();
        return info.c_str();
    }
    TS_CATCH(nullptr)
}

// In-place and sampling draws take a generator handle; null means the default generator.
TS_EXPORT int32_t ts_uniform_(Tensor t, double from, double to, Generator generator) {
    TS_STATUS(t->uniform_(from, to, ts_generator(generator)))
}

TS_EXPORT int32_t ts_normal_(Tensor t, double mean, double std, Generator generator) {
    TS_STATUS(t->normal_(mean, std, ts_generator(generator)))
}

TS_EXPORT int32_t ts_bernoulli_(Tensor t, double p, Generator generator) {
    TS_STATUS(t->bernoulli_(p, ts_generator(generator)))
}

// Samples 0/1 with the probabilities held in `probs`.
TS_EXPORT Tensor ts_bernoulli(Tensor probs, Generator generator) {
    TS_TENSOR(at::bernoulli(*probs, ts_generator(generator)))
}

TS_EXPORT Tensor ts_multinomial(Tensor probs, int64_t samples, int8_t replacement) {
    TS_TENSOR(at::multinomial(*probs, samples, replacement != 0))
}
