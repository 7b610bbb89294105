// Gradients and the thread-local grad mode.
#include "shim.h"

TS_EXPORT int32_t ts_requires_grad(Tensor t) {
    TS_VALUE(int32_t, t->requires_grad() ? 1 : 0)
}

TS_EXPORT int32_t ts_set_requires_grad(Tensor t, int8_t requires_grad) {
    TS_STATUS(t->requires_grad_(requires_grad != 0))
}

// Returns the gradient, or nullptr with no error set when there is none yet.
TS_EXPORT Tensor ts_grad(Tensor t) {
    try {
        const auto& grad = t->grad();
        return grad.defined() ? new at::Tensor(grad) : nullptr;
    }
    TS_CATCH(nullptr)
}

TS_EXPORT int32_t ts_set_grad(Tensor t, Tensor grad) {
    TS_STATUS(t->mutable_grad() = grad ? *grad : at::Tensor())
}

TS_EXPORT int32_t ts_backward(Tensor t, Tensor gradient, int8_t retain_graph, int8_t create_graph) {
    TS_STATUS(t->backward(gradient ? *gradient : at::Tensor(),
                          retain_graph ? c10::optional<bool>(true) : c10::nullopt, create_graph != 0))
}

TS_EXPORT int32_t ts_is_grad_enabled() {
    TS_VALUE(int32_t, at::GradMode::is_enabled() ? 1 : 0)
}

TS_EXPORT int32_t ts_set_grad_enabled(int8_t enabled) {
    TS_STATUS(at::GradMode::set_enabled(enabled != 0))
}
