using TorchSharp.Interop;

namespace TorchSharp;

// https://pytorch.org/docs/stable/torch.html#creation-ops
public static partial class torch
{
    private unsafe delegate IntPtr ShapeFactory(long* dims, int ndim, sbyte dtype, int deviceType, int deviceIndex, sbyte requiresGrad);

    private static unsafe Tensor Create(ShapeFactory factory, long[] size, ScalarType? dtype, Device? device, bool requires_grad)
    {
        device ??= CPU;
        fixed (long* p = size)
            return Native.Tensor(factory(p, size.Length, (sbyte)(dtype ?? default_dtype), (int)device.type,
                                         device.index, Native.Flag(requires_grad)));
    }

    /// <summary>The dtype factories use when none is given (float32).</summary>
    public static ScalarType default_dtype { get; set; } = ScalarType.Float32;

    public static unsafe Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.ts_zeros, size, dtype, device, requires_grad);

    public static Tensor zeros(params long[] size) => zeros(size, null);

    public static unsafe Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.ts_ones, size, dtype, device, requires_grad);

    public static Tensor ones(params long[] size) => ones(size, null);

    public static unsafe Tensor empty(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.ts_empty, size, dtype, device, requires_grad);

    public static Tensor empty(params long[] size) => empty(size, null);

    /// <summary>Uniform samples in [0, 1).</summary>
    public static unsafe Tensor rand(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.ts_rand, size, dtype, device, requires_grad);

    public static Tensor rand(params long[] size) => rand(size, null);

    /// <summary>Standard normal samples.</summary>
    public static unsafe Tensor randn(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.ts_randn, size, dtype, device, requires_grad);

    public static Tensor randn(params long[] size) => randn(size, null);

    public static unsafe Tensor full(long[] size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        device ??= CPU;
        var type = dtype ?? (value.IsIntegral ? ScalarType.Int64 : default_dtype);
        fixed (long* p = size)
            return Native.Tensor(NativeMethods.ts_full(p, size.Length, value.Value, value.Integral, (sbyte)type,
                                                       (int)device.type, device.index, Native.Flag(requires_grad)));
    }

    /// <summary>Integers drawn uniformly from [low, high).</summary>
    public static unsafe Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        device ??= CPU;
        fixed (long* p = size)
            return Native.Tensor(NativeMethods.ts_randint(low, high, p, size.Length, (sbyte)(dtype ?? ScalarType.Int64),
                                                          (int)device.type, device.index, Native.Flag(requires_grad)));
    }

    public static Tensor randint(long high, long[] size, ScalarType? dtype = null, Device? device = null) =>
        randint(0, high, size, dtype, device);

    /// <summary>A random permutation of 0 .. n-1.</summary>
    public static Tensor randperm(long n, ScalarType? dtype = null, Device? device = null)
    {
        device ??= CPU;
        return Native.Tensor(NativeMethods.ts_randperm(n, (sbyte)(dtype ?? ScalarType.Int64), (int)device.type, device.index, 0));
    }

    /// <summary>Values from start to stop (exclusive) by step; integral arguments give int64.</summary>
    public static Tensor arange(Scalar start, Scalar stop, Scalar step, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        device ??= CPU;
        var integral = start.IsIntegral && stop.IsIntegral && step.IsIntegral;
        var type = dtype ?? (integral ? ScalarType.Int64 : default_dtype);
        return Native.Tensor(NativeMethods.ts_arange(start.Value, stop.Value, step.Value, Native.Flag(integral), (sbyte)type,
                                                     (int)device.type, device.index, Native.Flag(requires_grad)));
    }

    public static Tensor arange(Scalar start, Scalar stop, ScalarType? dtype = null, Device? device = null) =>
        arange(start, stop, 1, dtype, device);

    public static Tensor arange(Scalar stop, ScalarType? dtype = null, Device? device = null) =>
        arange(0, stop, 1, dtype, device);

    public static Tensor linspace(double start, double end, long steps, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        device ??= CPU;
        return Native.Tensor(NativeMethods.ts_linspace(start, end, steps, (sbyte)(dtype ?? default_dtype), (int)device.type,
                                                       device.index, Native.Flag(requires_grad)));
    }

    public static Tensor eye(long n, long m = -1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        device ??= CPU;
        return Native.Tensor(NativeMethods.ts_eye(n, m < 0 ? n : m, (sbyte)(dtype ?? default_dtype), (int)device.type,
                                                  device.index, Native.Flag(requires_grad)));
    }

    // ---- *_like ----

    private delegate IntPtr LikeFactory(IntPtr input, sbyte dtype, sbyte requiresGrad);

    private static Tensor Like(LikeFactory factory, Tensor input, ScalarType? dtype, bool requires_grad) =>
        Native.Tensor(factory(input.Handle, dtype is null ? (sbyte)-1 : (sbyte)dtype.Value, Native.Flag(requires_grad)));

    public static Tensor zeros_like(Tensor input, ScalarType? dtype = null, bool requires_grad = false) =>
        Like(NativeMethods.ts_zeros_like, input, dtype, requires_grad);

    public static Tensor ones_like(Tensor input, ScalarType? dtype = null, bool requires_grad = false) =>
        Like(NativeMethods.ts_ones_like, input, dtype, requires_grad);

    public static Tensor empty_like(Tensor input, ScalarType? dtype = null, bool requires_grad = false) =>
        Like(NativeMethods.ts_empty_like, input, dtype, requires_grad);

    public static Tensor rand_like(Tensor input, ScalarType? dtype = null, bool requires_grad = false) =>
        Like(NativeMethods.ts_rand_like, input, dtype, requires_grad);

    public static Tensor randn_like(Tensor input, ScalarType? dtype = null, bool requires_grad = false) =>
        Like(NativeMethods.ts_randn_like, input, dtype, requires_grad);

    public static Tensor full_like(Tensor input, Scalar value, ScalarType? dtype = null, bool requires_grad = false) =>
        Native.Tensor(NativeMethods.ts_full_like(input.Handle, value.Value, value.Integral,
                                                 dtype is null ? (sbyte)-1 : (sbyte)dtype.Value, Native.Flag(requires_grad)));

    // ---- from .NET data (copied) ----

    private static unsafe Tensor FromArray<T>(T[] data, long[]? dimensions, ScalarType? dtype, Device? device, bool requires_grad)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        var dims = dimensions ?? [data.LongLength];
        long count = 1;
        foreach (var d in dims) count *= d;
        if (count != data.LongLength)
            throw new ArgumentException($"{data.LongLength} values cannot fill a tensor of shape {Tensor.ShapeString(dims)} ({count} elements)", nameof(dimensions));
        Tensor result;
        fixed (T* p = data)
        fixed (long* s = dims)
            result = Native.Tensor(NativeMethods.ts_tensor_from_data(p, data.LongLength * sizeof(T), (sbyte)ScalarTypeOf<T>(), s, dims.Length, 0));
        return ConvertCreated(result, dtype, device, requires_grad);
    }

    private static Tensor ConvertCreated(Tensor result, ScalarType? dtype, Device? device, bool requires_grad)
    {
        if (dtype is not null && dtype != result.dtype) result = Replace(result, result.to(dtype.Value));
        if (device is not null && device.type != DeviceType.CPU) result = Replace(result, result.to(device));
        if (requires_grad) result.requires_grad_(true);
        return result;
    }

    private static Tensor Replace(Tensor old, Tensor replacement)
    {
        old.Dispose();
        return replacement;
    }

    public static Tensor tensor(float[] data, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(data, dimensions, dtype, device, requires_grad);

    public static Tensor tensor(double[] data, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(data, dimensions, dtype, device, requires_grad);

    public static Tensor tensor(long[] data, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(data, dimensions, dtype, device, requires_grad);

    public static Tensor tensor(int[] data, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(data, dimensions, dtype, device, requires_grad);

    public static Tensor tensor(byte[] data, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(data, dimensions, dtype, device, requires_grad);

    public static Tensor tensor(bool[] data, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(data, dimensions, dtype, device, requires_grad);

    public static Tensor tensor(float[,] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(data.Cast<float>().ToArray(), [data.GetLength(0), data.GetLength(1)], dtype, device, requires_grad);

    public static Tensor tensor(double[,] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(data.Cast<double>().ToArray(), [data.GetLength(0), data.GetLength(1)], dtype, device, requires_grad);

    /// <summary>A zero-dimensional tensor holding one value.</summary>
    public static Tensor tensor(float value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray([value], [], dtype, device, requires_grad);

    public static Tensor tensor(double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray([value], [], dtype, device, requires_grad);

    public static Tensor tensor(long value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray([value], [], dtype, device, requires_grad);

    public static Tensor tensor(int value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray([(long)value], [], dtype, device, requires_grad);

    public static Tensor scalar_tensor(Scalar value, ScalarType? dtype = null, Device? device = null)
    {
        device ??= CPU;
        var type = dtype ?? (value.IsIntegral ? ScalarType.Int64 : default_dtype);
        return Native.Tensor(NativeMethods.ts_scalar_tensor(value.Value, value.Integral, (sbyte)type, (int)device.type, device.index, 0));
    }
}
