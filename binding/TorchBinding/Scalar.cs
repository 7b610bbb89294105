namespace TorchSharp;

/// <summary>
/// A number passed to a tensor operation. It is a plain value (no native object is made per literal);
/// it remembers whether it was integral so that <c>longTensor + 1</c> stays int64.
/// </summary>
public readonly struct Scalar
{
    public double Value { get; }
    public bool IsIntegral { get; }

    public Scalar(double value, bool isIntegral)
    {
        Value = value;
        IsIntegral = isIntegral;
    }

    public static implicit operator Scalar(double value) => new(value, false);
    public static implicit operator Scalar(float value) => new(value, false);
    public static implicit operator Scalar(long value) => new(value, true);
    public static implicit operator Scalar(int value) => new(value, true);
    public static implicit operator Scalar(bool value) => new(value ? 1 : 0, true);

    internal sbyte Integral => IsIntegral ? (sbyte)1 : (sbyte)0;

    public override string ToString() => IsIntegral ? ((long)Value).ToString() : Value.ToString("R");
}
