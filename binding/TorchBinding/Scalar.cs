using System.Globalization;
using System.Runtime.InteropServices;

namespace TorchSharp;

/// <summary>
/// A number passed to a tensor operation. It is a plain value (no native object is made per literal) that
/// keeps integers as exact 64-bit values and remembers its kind, so that <c>longTensor + 1</c> stays int64 and
/// <c>full([1], long.MaxValue, dtype: int64)</c> holds long.MaxValue. It crosses to the native side as it is:
/// the layout matches <c>ScalarValue</c> in binding/native/shim.h.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Scalar
{
    private enum Kind : sbyte
    {
        Floating = 0,
        Integral = 1,
        Boolean = 2,
        Absent = 3,
    }

    private readonly double real;
    private readonly long integer;
    private readonly Kind kind;

    private Scalar(double real, long integer, Kind kind) => (this.real, this.integer, this.kind) = (real, integer, kind);

    public Scalar(double value) : this(value, 0, Kind.Floating) { }

    public Scalar(long value) : this(0, value, Kind.Integral) { }

    public Scalar(bool value) : this(0, value ? 1 : 0, Kind.Boolean) { }

    public static implicit operator Scalar(double value) => new(value);
    public static implicit operator Scalar(float value) => new(value);
    public static implicit operator Scalar(long value) => new(value);
    public static implicit operator Scalar(int value) => new((long)value);
    public static implicit operator Scalar(bool value) => new(value);

    /// <summary>What the native side reads as "no value", for optional scalar arguments such as clamp's bounds.</summary>
    internal static Scalar None => new(0, 0, Kind.Absent);

    /// <summary>The value as a double (rounded for integers beyond 2^53).</summary>
    public double Value => kind == Kind.Floating ? real : integer;

    /// <summary>True for integers and booleans: they keep an integral tensor integral.</summary>
    public bool IsIntegral => kind is Kind.Integral or Kind.Boolean;

    /// <summary>The dtype a tensor made from this value alone gets: Float64, Int64 or Bool.</summary>
    public torch.ScalarType Type => kind switch
    {
        Kind.Integral => torch.ScalarType.Int64,
        Kind.Boolean => torch.ScalarType.Bool,
        _ => torch.ScalarType.Float64,
    };

    public double ToDouble() => Value;

    public float ToSingle() => (float)Value;

    /// <summary>The value as a long: exact for integers, truncated toward zero for floating-point values.</summary>
    public long ToInt64() => kind == Kind.Floating ? checked((long)real) : integer;

    public int ToInt32() => checked((int)ToInt64());

    public bool ToBoolean() => kind == Kind.Floating ? real != 0 : integer != 0;

    public override string ToString() => kind switch
    {
        Kind.Integral => integer.ToString(CultureInfo.InvariantCulture),
        Kind.Boolean => integer != 0 ? "True" : "False",
        _ => real.ToString("R", CultureInfo.InvariantCulture),
    };
}
