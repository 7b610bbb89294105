// Views, reshapes, joins, splits and indexing.
#include "shim.h"

using at::indexing::Slice;
using at::indexing::TensorIndex;

TS_EXPORT Tensor ts_view(Tensor t, const int64_t* dims, int ndim) {
    TS_TENSOR(t->view(ts_shape(dims, ndim)))
}

TS_EXPORT Tensor ts_reshape(Tensor t, const int64_t* dims, int ndim) {
    TS_TENSOR(t->reshape(ts_shape(dims, ndim)))
}

TS_EXPORT Tensor ts_flatten(Tensor t, int64_t start_dim, int64_t end_dim) {
    TS_TENSOR(t->flatten(start_dim, end_dim))
}

TS_EXPORT Tensor ts_unflatten(Tensor t, int64_t dim, const int64_t* sizes, int nsizes) {
    TS_TENSOR(t->unflatten(dim, ts_shape(sizes, nsizes)))
}

TS_EXPORT Tensor ts_permute(Tensor t, const int64_t* dims, int ndim) {
    TS_TENSOR(t->permute(ts_shape(dims, ndim)))
}

TS_EXPORT Tensor ts_transpose(Tensor t, int64_t dim0, int64_t dim1) {
    TS_TENSOR(t->transpose(dim0, dim1))
}

TS_EXPORT Tensor ts_squeeze(Tensor t) {
    TS_TENSOR(t->squeeze())
}

TS_EXPORT Tensor ts_squeeze_dim(Tensor t, int64_t dim) {
    TS_TENSOR(t->squeeze(dim))
}

TS_EXPORT Tensor ts_unsqueeze(Tensor t, int64_t dim) {
    TS_TENSOR(t->unsqueeze(dim))
}

TS_EXPORT Tensor ts_expand(Tensor t, const int64_t* dims, int ndim) {
    TS_TENSOR(t->expand(ts_shape(dims, ndim)))
}

TS_EXPORT Tensor ts_narrow(Tensor t, int64_t dim, int64_t start, int64_t length) {
    TS_TENSOR(t->narrow(dim, start, length))
}

TS_EXPORT Tensor ts_select(Tensor t, int64_t dim, int64_t index) {
    TS_TENSOR(t->select(dim, index))
}

TS_EXPORT Tensor ts_index_select(Tensor t, int64_t dim, Tensor index) {
    TS_TENSOR(t->index_select(dim, *index))
}

TS_EXPORT Tensor ts_gather(Tensor t, int64_t dim, Tensor index) {
    TS_TENSOR(t->gather(dim, *index))
}

TS_EXPORT Tensor ts_repeat(Tensor t, const int64_t* repeats, int n) {
    TS_TENSOR(t->repeat(ts_shape(repeats, n)))
}

TS_EXPORT Tensor ts_flip(Tensor t, const int64_t* dims, int n) {
    TS_TENSOR(t->flip(ts_shape(dims, n)))
}

static std::vector<at::Tensor> tensors_of(const Tensor* tensors, int count) {
    std::vector<at::Tensor> result;
    result.reserve(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) result.push_back(*tensors[i]);
    return result;
}

TS_EXPORT Tensor ts_cat(const Tensor* tensors, int count, int64_t dim) {
    TS_TENSOR(at::cat(tensors_of(tensors, count), dim))
}

TS_EXPORT Tensor ts_stack(const Tensor* tensors, int count, int64_t dim) {
    TS_TENSOR(at::stack(tensors_of(tensors, count), dim))
}

TS_EXPORT TensorList ts_chunk(Tensor t, int64_t chunks, int64_t dim) {
    try {
        return new std::vector<at::Tensor>(t->chunk(chunks, dim));
    }
    TS_CATCH(nullptr)
}

TS_EXPORT TensorList ts_split(Tensor t, int64_t split_size, int64_t dim) {
    try {
        return new std::vector<at::Tensor>(t->split(split_size, dim));
    }
    TS_CATCH(nullptr)
}

TS_EXPORT TensorList ts_split_sizes(Tensor t, const int64_t* sizes, int n, int64_t dim) {
    try {
        return new std::vector<at::Tensor>(t->split_with_sizes(ts_shape(sizes, n), dim));
    }
    TS_CATCH(nullptr)
}

// Index kinds, in step with TensorIndex.Kind in the managed code.
enum IndexKind : int64_t { kSingle = 0, kSlice = 1, kEllipsis = 2, kNone = 3, kTensor = 4, kBool = 5 };
// Marks an absent slice bound.
static const int64_t kAbsent = INT64_MIN;

static std::vector<TensorIndex> indices_of(const int64_t* kinds, const int64_t* starts, const int64_t* stops,
                                           const int64_t* steps, const Tensor* tensors, int count) {
    std::vector<TensorIndex> result;
    result.reserve(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        switch (kinds[i]) {
            case kSingle: result.emplace_back(starts[i]); break;
            case kSlice: {
                c10::optional<int64_t> start, stop, step;
                if (starts[i] != kAbsent) start = starts[i];
                if (stops[i] != kAbsent) stop = stops[i];
                if (steps[i] != kAbsent) step = steps[i];
                result.emplace_back(Slice(start, stop, step));
                break;
            }
            case kEllipsis: result.emplace_back(at::indexing::Ellipsis); break;
            case kNone: result.emplace_back(at::indexing::None); break;
            case kTensor: result.emplace_back(*tensors[i]); break;
            case kBool: result.emplace_back(starts[i] != 0); break;
            default: throw std::invalid_argument("unknown index kind " + std::to_string(kinds[i]));
        }
    }
    return result;
}

TS_EXPORT Tensor ts_index(Tensor t, const int64_t* kinds, const int64_t* starts, const int64_t* stops,
                          const int64_t* steps, const Tensor* tensors, int count) {
    TS_TENSOR(t->index(indices_of(kinds, starts, stops, steps, tensors, count)))
}

TS_EXPORT int32_t ts_index_put_(Tensor t, const int64_t* kinds, const int64_t* starts, const int64_t* stops,
                                const int64_t* steps, const Tensor* tensors, int count, Tensor value) {
    TS_STATUS(t->index_put_(indices_of(kinds, starts, stops, steps, tensors, count), *value))
}

TS_EXPORT int32_t ts_index_put_scalar_(Tensor t, const int64_t* kinds, const int64_t* starts, const int64_t* stops,
                                       const int64_t* steps, const Tensor* tensors, int count, ScalarValue value) {
    TS_STATUS(t->index_put_(indices_of(kinds, starts, stops, steps, tensors, count), ts_scalar(value)))
}
