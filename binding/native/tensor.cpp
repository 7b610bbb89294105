// Tensor lifetime, metadata, data in and out, conversions.
#include "shim.h"
#include <cstring>

TS_EXPORT void ts_tensor_dispose(Tensor t) {
    delete t;
}

TS_EXPORT int32_t ts_tensor_ndim(Tensor t) {
    TS_VALUE(int32_t, t->dim())
}

// Writes up to `capacity` sizes into `out` and returns the number of dimensions.
TS_EXPORT int32_t ts_tensor_shape(Tensor t, int64_t* out, int32_t capacity) {
    try {
        auto sizes = t->sizes();
        for (size_t i = 0; i < sizes.size() && i < static_cast<size_t>(capacity); ++i) out[i] = sizes[i];
        return static_cast<int32_t>(sizes.size());
    }
    TS_CATCH(-1)
}

TS_EXPORT int64_t ts_tensor_numel(Tensor t) {
    TS_VALUE(int64_t, t->numel())
}

TS_EXPORT int32_t ts_tensor_dtype(Tensor t) {
    TS_VALUE(int32_t, static_cast<int8_t>(t->scalar_type()))
}

TS_EXPORT int32_t ts_tensor_device_type(Tensor t) {
    TS_VALUE(int32_t, static_cast<int8_t>(t->device().type()))
}

TS_EXPORT int32_t ts_tensor_device_index(Tensor t) {
    TS_VALUE(int32_t, t->device().index())
}

TS_EXPORT int32_t ts_tensor_is_defined(Tensor t) {
    TS_VALUE(int32_t, t->defined() ? 1 : 0)
}

// Creates a tensor of the given dtype and shape by copying `nbytes` from `data`.
TS_EXPORT Tensor ts_tensor_from_data(const void* data, int64_t nbytes, int8_t dtype,
                                     const int64_t* dims, int ndim, int8_t requires_grad) {
    try {
        auto result = at::empty(ts_shape(dims, ndim), at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype)));
        int64_t expected = result.numel() * static_cast<int64_t>(result.element_size());
        if (expected != nbytes) {
            throw std::invalid_argument("tensor data has " + std::to_string(nbytes) + " bytes but shape " +
                                        c10::str(result.sizes()) + " needs " + std::to_string(expected));
        }
        if (nbytes > 0) std::memcpy(result.data_ptr(), data, static_cast<size_t>(nbytes));
        if (requires_grad) result.requires_grad_(true);
        return new at::Tensor(result);
    }
    TS_CATCH(nullptr)
}

// Copies the tensor's elements (as C-contiguous CPU data) into `dest`.
TS_EXPORT int32_t ts_tensor_copy_to(Tensor t, void* dest, int64_t nbytes) {
    try {
        auto src = t->detach().to(at::kCPU).contiguous();
        int64_t available = src.numel() * static_cast<int64_t>(src.element_size());
        if (available != nbytes) {
            throw std::invalid_argument("destination has " + std::to_string(nbytes) + " bytes but the tensor holds " +
                                        std::to_string(available));
        }
        if (nbytes > 0) std::memcpy(dest, src.data_ptr(), static_cast<size_t>(nbytes));
        return 0;
    }
    TS_CATCH(-1)
}

// The single value of a one-element tensor, as a double.
TS_EXPORT int32_t ts_tensor_item(Tensor t, double* out) {
    TS_STATUS(*out = t->item().toDouble())
}

TS_EXPORT int32_t ts_tensor_item_int64(Tensor t, int64_t* out) {
    TS_STATUS(*out = t->item().toLong())
}

TS_EXPORT Tensor ts_tensor_to_dtype(Tensor t, int8_t dtype) {
    TS_TENSOR(t->to(static_cast<at::ScalarType>(dtype)))
}

TS_EXPORT Tensor ts_tensor_to_device(Tensor t, int32_t device_type, int32_t device_index) {
    TS_TENSOR(t->to(c10::Device(static_cast<c10::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index))))
}

TS_EXPORT Tensor ts_tensor_alias(Tensor t) {
    TS_TENSOR(*t)
}

TS_EXPORT Tensor ts_tensor_clone(Tensor t) {
    TS_TENSOR(t->clone())
}

TS_EXPORT Tensor ts_tensor_contiguous(Tensor t) {
    TS_TENSOR(t->contiguous())
}

TS_EXPORT Tensor ts_tensor_detach(Tensor t) {
    TS_TENSOR(t->detach())
}

TS_EXPORT int32_t ts_tensor_is_contiguous(Tensor t) {
    TS_VALUE(int32_t, t->is_contiguous() ? 1 : 0)
}

// Lists returned by chunk, split and max-with-indices.
TS_EXPORT int32_t ts_list_size(TensorList list) {
    TS_VALUE(int32_t, list->size())
}

TS_EXPORT Tensor ts_list_get(TensorList list, int32_t index) {
    TS_TENSOR(list->at(static_cast<size_t>(index)))
}

TS_EXPORT void ts_list_dispose(TensorList list) {
    delete list;
}
