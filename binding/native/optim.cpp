// One optimizer update per parameter, in a single native call.
// The arithmetic follows PyTorch 1.13's single-tensor implementations
// (torch/optim/adam.py, rmsprop.py, sgd.py) step for step.
#include "shim.h"
#include "vector_loops.h"
#include <ATen/Parallel.h>
#include <cmath>

namespace {

bool fusable(const at::Tensor& param, const at::Tensor& grad, const at::Tensor& a, const at::Tensor& b) {
    auto ok = [&](const at::Tensor& t) {
        return t.scalar_type() == at::kFloat && t.device().is_cpu() && t.is_contiguous() &&
               t.numel() == param.numel();
    };
    return ok(param) && ok(grad) && ok(a) && ok(b);
}

// One Adam element, given its gradient with the sign and weight decay already applied; the coefficients
// arrive already rounded to float from double, as PyTorch's scalar arguments are (1 - beta computed in float
// would differ). Inlined into each clone of the loops below, so it is vectorised with them.
struct AdamCoefficients {
    float beta1, one_minus_beta1, beta2, one_minus_beta2, step_size, bias_correction2_sqrt, eps;
};

inline __attribute__((always_inline)) void adam_element(float grad, float& p, float& m, float& v,
                                                        const AdamCoefficients& c) {
    float mi = m * c.beta1 + grad * c.one_minus_beta1;
    float vi = v * c.beta2 + grad * grad * c.one_minus_beta2;
    m = mi;
    v = vi;
    p -= c.step_size * (mi / (std::sqrt(vi) / c.bias_correction2_sqrt + c.eps));
}

// Adam over [0, n); `sign` is -1 to maximise. The weight decay is tested outside the loops, which then
// have no branch.
TS_VECTOR_CLONES void adam_range(float* __restrict p, const float* __restrict g, float* __restrict m,
                                 float* __restrict v, int64_t n, float sign, float weight_decay, AdamCoefficients c) {
    if (weight_decay != 0.0f) {
        for (int64_t i = 0; i < n; ++i) adam_element(sign * g[i] + weight_decay * p[i], p[i], m[i], v[i], c);
    } else {
        for (int64_t i = 0; i < n; ++i) adam_element(sign * g[i], p[i], m[i], v[i], c);
    }
}

// One RMSprop element without momentum or centring; the same float operations in the same order as
// mul_(alpha).addcmul_(g, g, 1 - alpha), sqrt().add_(eps) and addcdiv_(g, avg, -lr).
inline __attribute__((always_inline)) void rmsprop_element(float grad, float& p, float& square_avg, float alpha,
                                                           float one_minus_alpha, float eps, float minus_lr) {
    float sa = square_avg * alpha + one_minus_alpha * grad * grad;
    square_avg = sa;
    p += minus_lr * (grad / (std::sqrt(sa) + eps));
}

// RMSprop without momentum or centring over [0, n).
TS_VECTOR_CLONES void rmsprop_range(float* __restrict p, const float* __restrict g, float* __restrict square_avg,
                                    int64_t n, float sign, float alpha, float one_minus_alpha, float eps,
                                    float minus_lr, float weight_decay) {
    if (weight_decay != 0.0f) {
        for (int64_t i = 0; i < n; ++i)
            rmsprop_element(sign * g[i] + weight_decay * p[i], p[i], square_avg[i], alpha, one_minus_alpha, eps, minus_lr);
    } else {
        for (int64_t i = 0; i < n; ++i)
            rmsprop_element(sign * g[i], p[i], square_avg[i], alpha, one_minus_alpha, eps, minus_lr);
    }
}

// Splits [0, n) over libtorch's threads in chunks of at least 16,384 elements.
template <typename Range>
void in_parallel(int64_t n, const Range& range) {
    at::parallel_for(0, n, 16384, [&](int64_t begin, int64_t end) { range(begin, end - begin); });
}

}  // namespace

// `step` is the 1-based count of updates including this one.
TS_EXPORT int32_t ts_adam_step(Tensor param, Tensor grad, Tensor exp_avg, Tensor exp_avg_sq, Tensor max_exp_avg_sq,
                               int64_t step, double lr, double beta1, double beta2, double eps, double weight_decay,
                               int8_t maximize) {
    try {
        at::NoGradGuard no_grad;
        double bias_correction1 = 1.0 - std::pow(beta1, static_cast<double>(step));
        double bias_correction2 = 1.0 - std::pow(beta2, static_cast<double>(step));
        double step_size = lr / bias_correction1;
        double bias_correction2_sqrt = std::sqrt(bias_correction2);
        if (!max_exp_avg_sq && fusable(*param, *grad, *exp_avg, *exp_avg_sq)) {
            float* p = param->data_ptr<float>();
            const float* g = grad->data_ptr<float>();
            float* m = exp_avg->data_ptr<float>();
            float* v = exp_avg_sq->data_ptr<float>();
            const AdamCoefficients coefficients{static_cast<float>(beta1), static_cast<float>(1 - beta1),
                                                static_cast<float>(beta2), static_cast<float>(1 - beta2),
                                                static_cast<float>(step_size),
                                                static_cast<float>(bias_correction2_sqrt), static_cast<float>(eps)};
            in_parallel(param->numel(), [&](int64_t begin, int64_t count) {
                adam_range(p + begin, g + begin, m + begin, v + begin, count, maximize ? -1.0f : 1.0f,
                           static_cast<float>(weight_decay), coefficients);
            });
            return 0;
        }
        at::Tensor g = maximize ? grad->neg() : *grad;
        if (weight_decay != 0) g = g.add(*param, weight_decay);
        exp_avg->mul_(beta1).add_(g, 1 - beta1);
        exp_avg_sq->mul_(beta2).addcmul_(g, g, 1 - beta2);
        at::Tensor denom;
        if (max_exp_avg_sq) {
            at::maximum_out(*max_exp_avg_sq, *max_exp_avg_sq, *exp_avg_sq);
            denom = (max_exp_avg_sq->sqrt() / bias_correction2_sqrt).add_(eps);
        } else {
            denom = (exp_avg_sq->sqrt() / bias_correction2_sqrt).add_(eps);
        }
        param->addcdiv_(*exp_avg, denom, -step_size);
        return 0;
    }
    TS_CATCH(-1)
}

// grad_avg is null unless centered; momentum_buffer is null unless momentum > 0.
TS_EXPORT int32_t ts_rmsprop_step(Tensor param, Tensor grad, Tensor square_avg, Tensor grad_avg,
                                  Tensor momentum_buffer, double lr, double alpha, double eps, double weight_decay,
                                  double momentum, int8_t maximize) {
    try {
        at::NoGradGuard no_grad;
        if (!grad_avg && !(momentum_buffer && momentum > 0) && fusable(*param, *grad, *square_avg, *square_avg)) {
            float* p = param->data_ptr<float>();
            const float* g = grad->data_ptr<float>();
            float* square = square_avg->data_ptr<float>();
            in_parallel(param->numel(), [&](int64_t begin, int64_t count) {
                rmsprop_range(p + begin, g + begin, square + begin, count, maximize ? -1.0f : 1.0f,
                              static_cast<float>(alpha), static_cast<float>(1 - alpha), static_cast<float>(eps),
                              static_cast<float>(-lr), static_cast<float>(weight_decay));
            });
            return 0;
        }
        at::Tensor g = maximize ? grad->neg() : *grad;
        if (weight_decay != 0) g = g.add(*param, weight_decay);
        square_avg->mul_(alpha).addcmul_(g, g, 1 - alpha);
        at::Tensor avg;
        if (grad_avg) {
            grad_avg->mul_(alpha).add_(g, 1 - alpha);
            avg = square_avg->addcmul(*grad_avg, *grad_avg, -1).sqrt_();
        } else {
            avg = square_avg->sqrt();
        }
        avg.add_(eps);
        if (momentum_buffer && momentum > 0) {
            momentum_buffer->mul_(momentum).addcdiv_(g, avg);
            param->add_(*momentum_buffer, -lr);
        } else {
            param->addcdiv_(g, avg, -lr);
        }
        return 0;
    }
    TS_CATCH(-1)
}

// momentum_buffer is null unless momentum != 0; `first` says it holds no history yet.
TS_EXPORT int32_t ts_sgd_step(Tensor param, Tensor grad, Tensor momentum_buffer, int8_t first, double lr,
                              double momentum, double dampening, double weight_decay, int8_t nesterov,
                              int8_t maximize) {
    try {
        at::NoGradGuard no_grad;
        at::Tensor d_p = maximize ? grad->neg() : *grad;
        if (weight_decay != 0) d_p = d_p.add(*param, weight_decay);
        if (momentum_buffer && momentum != 0) {
            if (first) {
                momentum_buffer->copy_(d_p);
            } else {
                momentum_buffer->mul_(momentum).add_(d_p, 1 - dampening);
            }
            d_p = nesterov ? d_p.add(*momentum_buffer, momentum) : *momentum_buffer;
        }
        param->add_(d_p, -lr);
        return 0;
    }
    TS_CATCH(-1)
}
