namespace TorchSharp;

public static partial class torch
{
    /// <summary>Element types, numbered as in libtorch (c10::ScalarType).</summary>
    public enum ScalarType : sbyte
    {
        Byte = 0,
        Int8 = 1,
        Int16 = 2,
        Int32 = 3,
        Int64 = 4,
        Float16 = 5,
        Float32 = 6,
        Float64 = 7,
        ComplexFloat32 = 9,
        ComplexFloat64 = 10,
        Bool = 11,
        BFloat16 = 15,
    }

    public static readonly ScalarType uint8 = ScalarType.Byte;
    public static readonly ScalarType int8 = ScalarType.Int8;
    public static readonly ScalarType int16 = ScalarType.Int16;
    public static readonly ScalarType int32 = ScalarType.Int32;
    public static readonly ScalarType @int = ScalarType.Int32;
    public static readonly ScalarType int64 = ScalarType.Int64;
    public static readonly ScalarType @long = ScalarType.Int64;
    public static readonly ScalarType float16 = ScalarType.Float16;
    public static readonly ScalarType bfloat16 = ScalarType.BFloat16;
    public static readonly ScalarType float32 = ScalarType.Float32;
    public static readonly ScalarType @float = ScalarType.Float32;
    public static readonly ScalarType float64 = ScalarType.Float64;
    public static readonly ScalarType @double = ScalarType.Float64;
    public static readonly ScalarType @bool = ScalarType.Bool;

    /// <summary>Bytes per element of a dtype.</summary>
    internal static int ElementSize(ScalarType type) => type switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 or ScalarType.ComplexFloat32 => 8,
        ScalarType.ComplexFloat64 => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown dtype"),
    };

    /// <summary>The dtype that holds elements of the .NET type T.</summary>
    internal static ScalarType ScalarTypeOf<T>() => typeof(T) switch
    {
        var t when t == typeof(float) => ScalarType.Float32,
        var t when t == typeof(double) => ScalarType.Float64,
        var t when t == typeof(long) => ScalarType.Int64,
        var t when t == typeof(int) => ScalarType.Int32,
        var t when t == typeof(short) => ScalarType.Int16,
        var t when t == typeof(byte) => ScalarType.Byte,
        var t when t == typeof(sbyte) => ScalarType.Int8,
        var t when t == typeof(bool) => ScalarType.Bool,
        _ => throw new NotSupportedException($"no tensor dtype holds elements of type {typeof(T).Name}"),
    };

    public static bool is_floating_point(ScalarType type) =>
        type is ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64;
}
