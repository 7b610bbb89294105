// Transposed convolution on the CPU, computed through the kernels of ordinary convolution.
//
// libtorch 1.13 runs conv_transpose2d on the CPU with its slow im2col/col2im path, while ordinary
// convolutions run on oneDNN. A transposed convolution is exactly the input-gradient of the
// ordinary convolution that maps its output back to its input, with the same weight tensor:
//   forward       y  = conv2d_input_grad(x, w)          (shape of y given by output_padding)
//   grad of x     gx = conv2d(gy, w)
//   grad of w     gw = conv2d_weight_grad(input = gy, grad_output = x)
// Same products, same sums, so the result equals the reference up to float rounding order;
// tests compare the two in values and gradients. Decoders of chapters 03 and 04 spend most of
// their step here (measured: a 32->32 5x5 layer at 28x28, batch 256, 3.0 s -> 0.38 s fwd+bwd).
#include "shim.h"

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

struct Geometry {
    std::array<int64_t, 2> stride, padding, output_padding, dilation;
    int64_t groups;
};

std::array<int64_t, 2> to_pair(const int64_t* values) {
    return {values[0], values[1]};
}

std::vector<int64_t> output_shape(const at::Tensor& input, const at::Tensor& weight, const Geometry& g) {
    std::vector<int64_t> shape{input.size(0), weight.size(1) * g.groups, 0, 0};
    for (int i = 0; i < 2; i++)
        shape[2 + i] = (input.size(2 + i) - 1) * g.stride[i] - 2 * g.padding[i] +
                       g.dilation[i] * (weight.size(2 + i) - 1) + g.output_padding[i] + 1;
    return shape;
}

// The input-gradient of conv2d(out -> x) with weight w: allocates `out` of the transposed output's shape.
at::Tensor conv_input_grad(const at::Tensor& x, const at::Tensor& w, at::IntArrayRef out_shape, const Geometry& g) {
    auto out = at::empty(out_shape, x.options());
    return std::get<0>(at::convolution_backward(x, out, w, c10::nullopt, g.stride, g.padding, g.dilation, false,
                                                {0, 0}, g.groups, {true, false, false}));
}

struct ConvTransposeViaConv : public torch::autograd::Function<ConvTransposeViaConv> {
    static at::Tensor forward(AutogradContext* ctx, const at::Tensor& x, const at::Tensor& w, Geometry g) {
        ctx->save_for_backward({x, w});
        // The backward needs everything but output_padding, which only sized the output.
        ctx->saved_data["geometry"] = std::vector<int64_t>{g.stride[0],   g.stride[1],   g.padding[0], g.padding[1],
                                                           g.dilation[0], g.dilation[1], g.groups};
        return conv_input_grad(x, w, output_shape(x, w, g), g);
    }

    static variable_list backward(AutogradContext* ctx, variable_list grads) {
        auto saved = ctx->get_saved_variables();
        const auto& x = saved[0];
        const auto& w = saved[1];
        const auto gy = grads[0].contiguous(x.suggest_memory_format());
        auto v = ctx->saved_data["geometry"].toIntVector();
        Geometry g{{v[0], v[1]}, {v[2], v[3]}, {0, 0}, {v[4], v[5]}, v[6]};
        at::Tensor gx, gw;
        if (ctx->needs_input_grad(0))
            gx = at::conv2d(gy, w, {}, g.stride, g.padding, g.dilation, g.groups);
        if (ctx->needs_input_grad(1))
            gw = std::get<1>(at::convolution_backward(x, gy, w, c10::nullopt, g.stride, g.padding, g.dilation, false,
                                                      {0, 0}, g.groups, {false, true, false}));
        return {gx, gw, at::Tensor()};
    }
};

bool well_formed(const at::Tensor& x, const at::Tensor& w, const at::Tensor* bias, const Geometry& g) {
    if (x.dim() != 4 || w.dim() != 4 || g.groups < 1 || x.size(1) != w.size(0) || w.size(0) % g.groups != 0)
        return false;
    if (x.scalar_type() != w.scalar_type() || x.device() != w.device() || x.numel() == 0 || w.numel() == 0)
        return false;
    for (int i = 0; i < 2; i++) {
        if (g.stride[i] < 1 || g.dilation[i] < 1 || g.padding[i] < 0 || g.output_padding[i] < 0 ||
            g.output_padding[i] >= std::max(g.stride[i], g.dilation[i]))
            return false;
    }
    for (auto size : output_shape(x, w, g))
        if (size < 1) return false;
    if (bias != nullptr && (bias->dim() != 1 || bias->size(0) != w.size(1) * g.groups ||
                            bias->scalar_type() != x.scalar_type() || bias->device() != x.device()))
        return false;
    return true;
}

at::Tensor via_conv(const at::Tensor& x, const at::Tensor& w, const at::Tensor* bias, const Geometry& g) {
    auto y = ConvTransposeViaConv::apply(x, w, g);
    return bias == nullptr ? y : y + bias->view({1, -1, 1, 1});
}

at::Tensor reference(const at::Tensor& x, const at::Tensor& w, const at::Tensor* bias, const Geometry& g) {
    return at::conv_transpose2d(x, w, bias == nullptr ? c10::optional<at::Tensor>() : *bias, g.stride, g.padding,
                                g.output_padding, g.groups, g.dilation);
}

Geometry geometry(const int64_t* stride, const int64_t* padding, const int64_t* output_padding, int64_t groups,
                  const int64_t* dilation) {
    return Geometry{to_pair(stride), to_pair(padding), to_pair(output_padding), to_pair(dilation), groups};
}

}  // namespace

// The layer's entry point: oneDNN-backed convolution kernels on the CPU where they are faster,
// libtorch's own transposed convolution elsewhere (CUDA, a single output channel per group,
// where the reference measured faster, and any input the reference must reject with its message).
TS_EXPORT Tensor ts_conv_transpose2d(Tensor input, Tensor weight, Tensor bias, const int64_t* stride,
                                     const int64_t* padding, const int64_t* output_padding, int64_t groups,
                                     const int64_t* dilation) {
    try {
        auto g = geometry(stride, padding, output_padding, groups, dilation);
        bool fast = well_formed(*input, *weight, bias, g) && input->device().is_cpu() &&
                    input->scalar_type() == at::kFloat && weight->size(1) > 1;
        return new at::Tensor(fast ? via_conv(*input, *weight, bias, g) : reference(*input, *weight, bias, g));
    }
    TS_CATCH(nullptr)
}

// The two computations by name, for the tests that hold them equal. `via_conv` rejects what
// the fast path would not take, rather than silently falling back.
TS_EXPORT Tensor ts_conv_transpose2d_path(Tensor input, Tensor weight, Tensor bias, const int64_t* stride,
                                          const int64_t* padding, const int64_t* output_padding, int64_t groups,
                                          const int64_t* dilation, int8_t via_conv_path) {
    try {
        auto g = geometry(stride, padding, output_padding, groups, dilation);
        if (via_conv_path == 0) return new at::Tensor(reference(*input, *weight, bias, g));
        TORCH_CHECK(well_formed(*input, *weight, bias, g),
                    "conv_transpose2d via convolution: input ", input->sizes(), " and weight ", weight->sizes(),
                    " do not form a valid transposed convolution");
        return new at::Tensor(via_conv(*input, *weight, bias, g));
    }
    TS_CATCH(nullptr)
}
