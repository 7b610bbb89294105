namespace Helpers.Tests;

public static class TensorAssert
{
    /// <summary>Asserts that <paramref name="actual"/> holds <paramref name="expected"/> (row-major) within <paramref name="tolerance"/>.</summary>
    public static void Close(double[] expected, Tensor actual, double tolerance)
    {
        using var values = actual.detach().cpu().to(float64).contiguous();
        var read = values.data<double>().ToArray();
        Assert.Equal(expected.Length, read.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - read[i]) <= tolerance, $"element {i}: expected {expected[i]:R}, got {read[i]:R}");
    }
}
