// Common definitions for the C surface over libtorch.
//
// Every exported function catches every exception, records the message in a
// thread-local buffer (read with ts_last_error) and returns a sentinel: nullptr
// for handles, -1 for counts and status codes. Nothing unwinds into .NET.
#pragma once

#include <torch/torch.h>
#include <cstdint>
#include <string>
#include <vector>

#define TS_EXPORT extern "C" __attribute__((visibility("default")))

// A tensor handle owns one reference to an at::Tensor.
typedef at::Tensor* Tensor;
// A list of tensors returned by chunk/split and friends.
typedef std::vector<at::Tensor>* TensorList;

void ts_set_error(const char* message);
void ts_clear_error();

#define TS_CATCH(sentinel)                                                  \
    catch (const c10::Error& e) {                                           \
        ts_set_error(e.what_without_backtrace());                           \
        return sentinel;                                                    \
    }                                                                       \
    catch (const std::exception& e) {                                       \
        ts_set_error(e.what());                                             \
        return sentinel;                                                    \
    }                                                                       \
    catch (...) {                                                           \
        ts_set_error("unknown native exception in libtorch");              \
        return sentinel;                                                    \
    }

// Wraps the body of a function that returns a new tensor handle.
#define TS_TENSOR(expr)                                                     \
    try {                                                                   \
        return new at::Tensor(expr);                                        \
    }                                                                       \
    TS_CATCH(nullptr)

// Wraps the body of a function that returns a status (0 = ok, -1 = error).
#define TS_STATUS(body)                                                     \
    try {                                                                   \
        body;                                                               \
        return 0;                                                           \
    }                                                                       \
    TS_CATCH(-1)

// Wraps the body of a function that returns a value; -1 signals an error.
#define TS_VALUE(type, expr)                                                \
    try {                                                                   \
        return (type)(expr);                                                \
    }                                                                       \
    TS_CATCH((type)-1)

inline at::IntArrayRef ts_shape(const int64_t* dims, int ndim) {
    return at::IntArrayRef(dims, static_cast<size_t>(ndim));
}

// A number from .NET (binding/TorchBinding/Scalar.cs has the same layout). `kind` says which field
// holds it, so int64 values cross exactly, not through a double, and `longTensor + 1` stays int64.
// Absent optional scalars have kind NONE; an all-zero struct is the float 0.0.
enum : int8_t { TS_SCALAR_FLOAT = 0, TS_SCALAR_INT = 1, TS_SCALAR_BOOL = 2, TS_SCALAR_NONE = 3 };
typedef struct {
    double real;
    int64_t integer;
    int8_t kind;
} ScalarValue;

inline at::Scalar ts_scalar(ScalarValue value) {
    switch (value.kind) {
        case TS_SCALAR_FLOAT: return at::Scalar(value.real);
        case TS_SCALAR_INT: return at::Scalar(value.integer);
        case TS_SCALAR_BOOL: return at::Scalar(value.integer != 0);
        default: throw std::invalid_argument("a scalar argument was missing (scalar kind " + std::to_string(value.kind) + ")");
    }
}

inline c10::optional<at::Scalar> ts_optional_scalar(ScalarValue value) {
    return value.kind == TS_SCALAR_NONE ? c10::nullopt : c10::optional<at::Scalar>(ts_scalar(value));
}

// A generator handle owns one reference to an at::Generator; null means libtorch's default generator.
typedef at::Generator* Generator;

inline c10::optional<at::Generator> ts_generator(Generator g) {
    return g ? c10::optional<at::Generator>(*g) : c10::nullopt;
}

inline at::TensorOptions ts_options(int8_t dtype, int32_t device_type, int32_t device_index) {
    return at::TensorOptions()
        .dtype(static_cast<at::ScalarType>(dtype))
        .device(static_cast<c10::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index));
}

// Optional tensors cross as nullable handles.
inline c10::optional<at::Tensor> ts_optional(Tensor t) {
    return t ? c10::optional<at::Tensor>(*t) : c10::nullopt;
}
