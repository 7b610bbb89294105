namespace Binding.Tests;

/// <summary>Element-wise comparison of a tensor with expected values, naming the first element that differs.</summary>
public static class TensorAssert
{
    public static void Close(double[] expected, Tensor actual, double tolerance = 1e-6)
    {
        using var asDouble = actual.to(float64);
        var values = asDouble.data<double>().ToArray();
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - values[i]) <= tolerance * (1 + Math.Abs(expected[i])),
                $"element {i}: expected {expected[i]:R}, got {values[i]:R}");
    }
}
