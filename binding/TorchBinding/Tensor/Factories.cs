using TorchSharp.Interop;

namespace TorchSharp;

// https://pytorch.org/docs/stable/torch.html#creation-ops
public static unsafe partial class torch
{
    private delegate IntPtr ShapeFactory(long* dims, int ndim, sbyte dtype, int deviceType, int deviceIndex, sbyte requiresGrad);

    private delegate IntPtr RandomFactory(long* dims, int ndim, IntPtr generator, sbyte dtype, int deviceType, int deviceIndex,
                                                 sbyte requiresGrad);

    private static Tensor Create(ShapeFactory factory, ReadOnlySpan<long> size, ScalarType? dtype, Device? device, bool requires_grad)
    {
        device ??= CPU;
        fixed (long* p = size)
            return Native.Tensor(factory(p, size.Length, (sbyte)(dtype ?? default_dtype), (int)device.type,
                                         device.index, Native.Flag(requires_grad)));
    }

    private static Tensor Draw(RandomFactory factory, ReadOnlySpan<long> size, ScalarType? dtype, Device? device, bool requires_grad,
                                      Generator? generator)
    {
        device ??= CPU;
        fixed (long* p = size)
        {
            var result = Native.Tensor(factory(p, size.Length, generator?.Handle ?? IntPtr.Zero, (sbyte)(dtype ?? default_dtype),
                                               (int)device.type, device.index, Native.Flag(requires_grad)));
            GC.KeepAlive(generator);
            return result;
        }
    }

    /// <summary>The dtype factories use when none is given (float32).</summary>
    public static ScalarType default_dtype { get; set; } = ScalarType.Float32;

    /// <summary>The dtype a tensor filled with <paramref name="value"/> gets by default: int64, bool or <see cref="default_dtype"/>.</summary>
    private static ScalarType DtypeOf(Scalar value) => value.Type == ScalarType.Float64 ? default_dtype : value.Type;

    // Each factory takes its shape as an array or as one to four separate dimensions, as TorchSharp's do:
    // zeros(3, 4, dtype: float64). The params form serves more dimensions.

    public static Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.ts_zeros, size, dtype, device, requires_grad);

    public static Tensor zeros(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.ts_zeros, [size], dtype, device, requires_grad);

    public static Tensor zeros(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.ts_zeros, [rows, columns], dtype, device, requires_grad);

    public static Tensor zeros(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.ts_zeros, [dim0, dim1, dim2], dtype, device, requires_grad);

    public static Tensor zeros(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.ts_zeros, [dim0, dim1, dim2, dim3], dtype, device, requires_grad);

    public static Tensor zeros(params long[] size) => zeros(size, null);

    public static Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.ts_ones, size, dtype, device, requires_grad);

    public static Tensor ones(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.ts_ones, [size], dtype, device, requires_grad);

    public static Tensor ones(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.ts_ones, [rows, columns], dtype, device, requires_grad);

    public static Tensor ones(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.ts_ones, [dim0, dim1, dim2], dtype, device, requires_grad);

    public static Tensor ones(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.ts_ones, [dim0, dim1, dim2, dim3], dtype, device, requires_grad);

    public static Tensor ones(params long[] size) => ones(size, null);

    public static Tensor empty(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.ts_empty, size, dtype, device, requires_grad);

    public static Tensor empty(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.ts_empty, [size], dtype, device, requires_grad);

    public static Tensor empty(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.ts_empty, [rows, columns], dtype, device, requires_grad);

    public static Tensor empty(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.ts_empty, [dim0, dim1, dim2], dtype, device, requires_grad);

    public static Tensor empty(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(NativeMethods.ts_empty, [dim0, dim1, dim2, dim3], dtype, device, requires_grad);

    public static Tensor empty(params long[] size) => empty(size, null);

    /// <summary>Uniform samples in [0, 1), from <paramref name="generator"/> or the default generator.</summary>
    public static Tensor rand(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        Draw(NativeMethods.ts_rand, size, dtype, device, requires_grad, generator);

    public static Tensor rand(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        Draw(NativeMethods.ts_rand, [size], dtype, device, requires_grad, generator);

    public static Tensor rand(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false,
                              Generator? generator = null) =>
        Draw(NativeMethods.ts_rand, [rows, columns], dtype, device, requires_grad, generator);

    public static Tensor rand(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false,
                              Generator? generator = null) =>
        Draw(NativeMethods.ts_rand, [dim0, dim1, dim2], dtype, device, requires_grad, generator);

    public static Tensor rand(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null,
                              bool requires_grad = false, Generator? generator = null) =>
        Draw(NativeMethods.ts_rand, [dim0, dim1, dim2, dim3], dtype, device, requires_grad, generator);

    public static Tensor rand(params long[] size) => rand(size, null);

    /// <summary>Standard normal samples, from <paramref name="generator"/> or the default generator.</summary>
    public static Tensor randn(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        Draw(NativeMethods.ts_randn, size, dtype, device, requires_grad, generator);

    public static Tensor randn(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        Draw(NativeMethods.ts_randn, [size], dtype, device, requires_grad, generator);

    public static Tensor randn(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false,
                               Generator? generator = null) =>
        Draw(NativeMethods.ts_randn, [rows, columns], dtype, device, requires_grad, generator);

    public static Tensor randn(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false,
                               Generator? generator = null) =>
        Draw(NativeMethods.ts_randn, [dim0, dim1, dim2], dtype, device, requires_grad, generator);

    public static Tensor randn(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null,
                               bool requires_grad = false, Generator? generator = null) =>
        Draw(NativeMethods.ts_randn, [dim0, dim1, dim2, dim3], dtype, device, requires_grad, generator);

    public static Tensor randn(params long[] size) => randn(size, null);

    /// <summary>A tensor holding <paramref name="value"/> everywhere; its dtype follows the value unless given (int64 for integers).</summary>
    public static Tensor full(long[] size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Full(size, value, dtype, device, requires_grad);

    public static Tensor full(long size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Full([size], value, dtype, device, requires_grad);

    public static Tensor full(long rows, long columns, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Full([rows, columns], value, dtype, device, requires_grad);

    public static Tensor full(long dim0, long dim1, long dim2, Scalar value, ScalarType? dtype = null, Device? device = null,
                              bool requires_grad = false) =>
        Full([dim0, dim1, dim2], value, dtype, device, requires_grad);

    public static Tensor full(long dim0, long dim1, long dim2, long dim3, Scalar value, ScalarType? dtype = null, Device? device = null,
                              bool requires_grad = false) =>
        Full([dim0, dim1, dim2, dim3], value, dtype, device, requires_grad);

    private static Tensor Full(ReadOnlySpan<long> size, Scalar value, ScalarType? dtype, Device? device, bool requires_grad)
    {
        device ??= CPU;
        fixed (long* p = size)
            return Native.Tensor(NativeMethods.ts_full(p, size.Length, value, (sbyte)(dtype ?? DtypeOf(value)),
                                                       (int)device.type, device.index, Native.Flag(requires_grad)));
    }

    /// <summary>Integers drawn uniformly from [low, high).</summary>
    public static Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false,
                                        Generator? generator = null)
    {
        device ??= CPU;
        fixed (long* p = size)
        {
            var result = Native.Tensor(NativeMethods.ts_randint(low, high, p, size.Length, generator?.Handle ?? IntPtr.Zero,
                                                                (sbyte)(dtype ?? ScalarType.Int64), (int)device.type, device.index,
                                                                Native.Flag(requires_grad)));
            GC.KeepAlive(generator);
            return result;
        }
    }

    public static Tensor randint(long high, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false,
                                 Generator? generator = null) =>
        randint(0, high, size, dtype, device, requires_grad, generator);

    /// <summary>A random permutation of 0 .. n-1.</summary>
    public static Tensor randperm(long n, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        device ??= CPU;
        var result = Native.Tensor(NativeMethods.ts_randperm(n, generator?.Handle ?? IntPtr.Zero, (sbyte)(dtype ?? ScalarType.Int64),
                                                             (int)device.type, device.index, Native.Flag(requires_grad)));
        GC.KeepAlive(generator);
        return result;
    }

    /// <summary>Values from start to stop (exclusive) by step; integral arguments give int64.</summary>
    public static Tensor arange(Scalar start, Scalar stop, Scalar step, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        device ??= CPU;
        var integral = start.IsIntegral && stop.IsIntegral && step.IsIntegral;
        var type = dtype ?? (integral ? ScalarType.Int64 : default_dtype);
        return Native.Tensor(NativeMethods.ts_arange(start, stop, step, (sbyte)type, (int)device.type, device.index, Native.Flag(requires_grad)));
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
        Native.Tensor(NativeMethods.ts_full_like(input.Handle, value, dtype is null ? (sbyte)-1 : (sbyte)dtype.Value, Native.Flag(requires_grad)));

    // ---- from .NET data (copied) ----

    private static Tensor FromArray<T>(T[] data, long[]? dimensions, ScalarType? dtype, Device? device, bool requires_grad)
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
        return Native.Tensor(NativeMethods.ts_scalar_tensor(value, (sbyte)(dtype ?? DtypeOf(value)), (int)device.type, device.index, 0));
    }
}
