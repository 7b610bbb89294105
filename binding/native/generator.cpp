// Random number generators: the default CPU generator and private ones, their seeds and states.
// A seed or state change holds the generator's mutex, as libtorch's samplers do while drawing.
#include "shim.h"
#include <ATen/CPUGeneratorImpl.h>
#include <mutex>

TS_EXPORT Generator ts_generator_default() {
    try {
        return new at::Generator(at::detail::getDefaultCPUGenerator());
    }
    TS_CATCH(nullptr)
}

TS_EXPORT Generator ts_generator_new(uint64_t seed) {
    try {
        return new at::Generator(at::make_generator<at::CPUGeneratorImpl>(seed));
    }
    TS_CATCH(nullptr)
}

TS_EXPORT void ts_generator_dispose(Generator g) {
    delete g;
}

TS_EXPORT int32_t ts_generator_manual_seed(Generator g, int64_t seed) {
    TS_STATUS(std::lock_guard<std::mutex> lock(g->mutex()); g->set_current_seed(static_cast<uint64_t>(seed)))
}

// Reseeds from a non-deterministic source and writes the seed chosen.
TS_EXPORT int32_t ts_generator_seed(Generator g, int64_t* seed) {
    TS_STATUS(std::lock_guard<std::mutex> lock(g->mutex()); *seed = static_cast<int64_t>(g->seed()))
}

TS_EXPORT int32_t ts_generator_initial_seed(Generator g, int64_t* seed) {
    TS_STATUS(*seed = static_cast<int64_t>(g->current_seed()))
}

// The state as a uint8 tensor, to restore later with ts_generator_set_state.
TS_EXPORT Tensor ts_generator_get_state(Generator g) {
    try {
        std::lock_guard<std::mutex> lock(g->mutex());
        return new at::Tensor(g->get_state());
    }
    TS_CATCH(nullptr)
}

TS_EXPORT int32_t ts_generator_set_state(Generator g, Tensor state) {
    TS_STATUS(std::lock_guard<std::mutex> lock(g->mutex()); g->set_state(*state))
}
