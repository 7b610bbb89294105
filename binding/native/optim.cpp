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


// Adam over [0, n). `sign` is -1 to maximise; the coefficients arrive already rounded to float from double,
// as PyTorch's scalar arguments are (1 - beta computed in float would differ).
TS_VECTOR_CLONES void adam_range(float* __restrict p, const float* __restrict g, float* __restrict m,
                                 float* __restrict v, int64_t n, float sign, float beta1, float one_minus_beta1,
                                 float beta2, float one_minus_beta2, float step_size, float bias_correction2_sqrt,
                                 float eps, float weight_decay) {
    if (weight_decay != 0.0f) {
        for (int64_t i = 0; i < n; ++i) {
            float grad = sign * g[i] + weight_decay * p[i];
            float mi = m[i] * beta1 + grad * one_minus_beta1;
            float vi = v[i] * beta2 + grad * grad * one_minus_beta2;
            m[i] = mi;
            v[i] = vi;
            p[i] -= step_size * (mi / (std::sqrt(vi) / bias_correction2_sqrt + eps));
        }
    } else {
        for (int64_t i = 0; i < n; ++i) {
            float grad = sign * g[i];
            float mi = m[i] * beta1 + grad * one_minus_beta1;
            float vi = v[i] * beta2 + grad * grad * one_minus_beta2;
            m[i] = mi;
            v[i] = vi;
            p[i] -= step_size * (mi / (std::sqrt(vi) / bias_correction2_sqrt + eps));
        }
    }
}

// RMSprop without momentum or centring over [0, n); the same float operations in the same order as
// mul_(alpha).addcmul_(g, g, 1 - alpha), sqrt().add_(eps) and addcdiv_(g, avg, -lr).
TS_VECTOR_CLONES void rmsprop_range(float* __restrict p, const float* __restrict g, float* __restrict square_avg,
                                    int64_t n, float sign, float alpha, float one_minus_alpha, float eps,
                                    float minus_lr, float weight_decay) {
    if (weight_decay != 0.0f) {
        for (int64_t i = 0; i < n; ++i) {
            float grad = sign * g[i] + weight_decay * p[i];
            float sa = square_avg[i] * alpha + one_minus_alpha * grad * grad;
            square_avg[i] = sa;
            p[i] += minus_lr * (grad / (std::sqrt(sa) + eps));
        }
    } else {
        for (int64_t i = 0; i < n; ++i) {
            float grad = sign * g[i];
            float sa = square_avg[i] * alpha + one_minus_alpha * grad * grad;
            square_avg[i] = sa;
            p[i] += minus_lr * (grad / (std::sqrt(sa) + eps));
        }
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
            in_parallel(param->numel(), [&](int64_t begin, int64_t count) {
                adam_range(p + begin, g + begin, m + begin, v + begin, count, maximize ? -1.0f : 1.0f,
                           static_cast<float>(beta1), static_cast<float>(1 - beta1), static_cast<float>(beta2),
                           static_cast<float>(1 - beta2), static_cast<float>(step_size),
                           static_cast<float>(bias_correction2_sqrt), static_cast<float>(eps),
                           static_cast<float>(weight_decay));
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
