// Process-wide settings: random seeds, threads, devices, version; in-place random fills.
#include "shim.h"

TS_EXPORT int32_t ts_manual_seed(int64_t seed) {
    TS_STATUS(torch::manual_seed(static_cast<uint64_t>(seed)))
}

TS_EXPORT int32_t ts_set_num_threads(int32_t threads) {
    TS_STATUS(at::set_num_threads(threads))
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

TS_EXPORT int32_t ts_uniform_(Tensor t, double from, double to) {
    TS_STATUS(t->uniform_(from, to))
}

TS_EXPORT int32_t ts_normal_(Tensor t, double mean, double std) {
    TS_STATUS(t->normal_(mean, std))
}

TS_EXPORT int32_t ts_bernoulli_(Tensor t, double p) {
    TS_STATUS(t->bernoulli_(p))
}

// Samples 0/1 with the probabilities held in `probs`.
TS_EXPORT Tensor ts_bernoulli(Tensor probs) {
    TS_TENSOR(at::bernoulli(*probs))
}

TS_EXPORT Tensor ts_multinomial(Tensor probs, int64_t samples, int8_t replacement) {
    TS_TENSOR(at::multinomial(*probs, samples, replacement != 0))
}
