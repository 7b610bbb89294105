// Functional building blocks of the layers: linear maps, convolutions,
// pooling, resampling, activations and losses. Layers themselves are C#.
#include "shim.h"

static at::IntArrayRef pair(const int64_t* values) {
    return at::IntArrayRef(values, 2);
}

// ts_linear lives in matmul.cpp.

// stride, padding and dilation are pairs (height, width).
TS_EXPORT Tensor ts_conv2d(Tensor input, Tensor weight, Tensor bias, const int64_t* stride, const int64_t* padding,
                           const int64_t* dilation, int64_t groups) {
    TS_TENSOR(at::conv2d(*input, *weight, ts_optional(bias), pair(stride), pair(padding), pair(dilation), groups))
}

// ts_conv_transpose2d lives in conv_transpose.cpp.

TS_EXPORT Tensor ts_max_pool2d(Tensor input, const int64_t* kernel, const int64_t* stride, const int64_t* padding,
                               const int64_t* dilation, int8_t ceil_mode) {
    TS_TENSOR(at::max_pool2d(*input, pair(kernel), pair(stride), pair(padding), pair(dilation), ceil_mode != 0))
}

TS_EXPORT Tensor ts_avg_pool2d(Tensor input, const int64_t* kernel, const int64_t* stride, const int64_t* padding) {
    TS_TENSOR(at::avg_pool2d(*input, pair(kernel), pair(stride), pair(padding)))
}

// Pads the last dimensions: `pad` lists (before, after) pairs starting from the last dimension.
// mode follows TorchSharp's PaddingModes: 0 zeros, 1 reflect, 2 replicate, 3 circular, 4 constant.
TS_EXPORT Tensor ts_pad(Tensor input, const int64_t* pad, int npad, int8_t mode, double value) {
    static const char* const names[] = {"constant", "reflect", "replicate", "circular", "constant"};
    try {
        if (mode < 0 || mode > 4) throw std::invalid_argument("pad: unknown padding mode " + std::to_string(mode));
        auto fill = mode == 4 ? c10::optional<double>(value) : c10::nullopt;
        return new at::Tensor(at::pad(*input, ts_shape(pad, npad), names[mode], fill));
    }
    TS_CATCH(nullptr)
}

// Resizes to an explicit (height, width).
TS_EXPORT Tensor ts_upsample_nearest2d(Tensor input, const int64_t* size) {
    TS_TENSOR(at::upsample_nearest2d(*input, pair(size)))
}

TS_EXPORT Tensor ts_upsample_bilinear2d(Tensor input, const int64_t* size, int8_t align_corners) {
    TS_TENSOR(at::upsample_bilinear2d(*input, pair(size), align_corners != 0))
}

TS_EXPORT Tensor ts_leaky_relu(Tensor input, double negative_slope) {
    TS_TENSOR(at::leaky_relu(*input, negative_slope))
}

TS_EXPORT Tensor ts_selu(Tensor input) {
    TS_TENSOR(at::selu(*input))
}

TS_EXPORT int32_t ts_relu_(Tensor input) {
    TS_STATUS(input->relu_())
}

TS_EXPORT int32_t ts_leaky_relu_(Tensor input, double negative_slope) {
    TS_STATUS(at::leaky_relu_(*input, negative_slope))
}

TS_EXPORT int32_t ts_selu_(Tensor input) {
    TS_STATUS(at::selu_(*input))
}

TS_EXPORT Tensor ts_elu(Tensor input, double alpha) {
    TS_TENSOR(at::elu(*input, alpha))
}

TS_EXPORT Tensor ts_gelu(Tensor input) {
    TS_TENSOR(at::gelu(*input))
}

TS_EXPORT Tensor ts_softplus(Tensor input, double beta, double threshold) {
    TS_TENSOR(at::softplus(*input, beta, threshold))
}

TS_EXPORT Tensor ts_dropout(Tensor input, double p, int8_t train) {
    TS_TENSOR(at::dropout(*input, p, train != 0))
}

// ts_binary_cross_entropy is in loss.cpp.

TS_EXPORT Tensor ts_binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor weight, Tensor pos_weight,
                                                     int64_t reduction) {
    TS_TENSOR(at::binary_cross_entropy_with_logits(*input, *target, ts_optional(weight), ts_optional(pos_weight),
                                                   reduction))
}

TS_EXPORT Tensor ts_mse_loss(Tensor input, Tensor target, int64_t reduction) {
    TS_TENSOR(at::mse_loss(*input, *target, reduction))
}

TS_EXPORT Tensor ts_l1_loss(Tensor input, Tensor target, int64_t reduction) {
    TS_TENSOR(at::l1_loss(*input, *target, reduction))
}

TS_EXPORT Tensor ts_nll_loss(Tensor input, Tensor target, int64_t reduction) {
    TS_TENSOR(at::nll_loss(*input, *target, {}, reduction))
}

// Swaps the data behind a tensor while keeping its identity (what `param.data = new` does in PyTorch),
// so Module.to(device/dtype) converts parameters without invalidating the objects that hold them.
TS_EXPORT int32_t ts_tensor_set_data(Tensor t, Tensor data) {
    TS_STATUS(t->set_data(*data))
}
