namespace Binding.Tests;

/// <summary>
/// Scalars cross to libtorch as an exact int64 or a double, by kind: int64 values beyond 2^53, which a double
/// cannot hold, reach int64 tensors unchanged in factories, fills, arithmetic, comparisons and clamp.
/// </summary>
public class ScalarTests
{
    /// <summary>The smallest positive integer a double rounds (to 2^53).</summary>
    private const long AboveDoubles = (1L << 53) + 1;

    private static long[] Longs(Tensor t) => t.data<long>().ToArray();

    [Theory]
    [InlineData(AboveDoubles)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void FactoriesAndFillsHoldLargeInt64ValuesExactly(long value)
    {
        using var scope = NewDisposeScope();
        Assert.Equal([value], Longs(full([1], value, dtype: int64)));
        Assert.Equal([value, value], Longs(full(2, value)));
        Assert.Equal(value, scalar_tensor(value).item<long>());
        Assert.Equal([value, value], Longs(full_like(zeros(2, int64), value)));
        Assert.Equal([value, value], Longs(zeros(2, int64).fill_(value)));
        Assert.Equal([0, value], Longs(zeros(2, int64).masked_fill(tensor(new[] { false, true }), value)));
        var target = zeros(3, int64);
        target.index_put_(value, TensorIndex.Single(1));
        Assert.Equal([0, value, 0], Longs(target));
    }

    [Fact]
    public void ArithmeticWithLargeIntegersIsExact()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new long[] { 0, 1, 2 });
        Assert.Equal([AboveDoubles, AboveDoubles + 1, AboveDoubles + 2], Longs(x + AboveDoubles));
        Assert.Equal([AboveDoubles, AboveDoubles + 1, AboveDoubles + 2], Longs(AboveDoubles + x));
        Assert.Equal([-AboveDoubles, 1 - AboveDoubles, 2 - AboveDoubles], Longs(x - AboveDoubles));
        Assert.Equal([long.MaxValue, long.MaxValue - 1, long.MaxValue - 2], Longs(long.MaxValue - x));
        Assert.Equal([0, AboveDoubles, 2 * AboveDoubles], Longs(x * AboveDoubles));
        Assert.Equal([long.MaxValue % AboveDoubles], Longs(full(1, long.MaxValue) % AboveDoubles));
        Assert.Equal([AboveDoubles, AboveDoubles + 1, AboveDoubles + 2], Longs(x.add(ones(3, int64), AboveDoubles)));
        Assert.Equal([AboveDoubles, AboveDoubles + 1, AboveDoubles + 2], Longs(x.clone().add_(AboveDoubles)));
        Assert.Equal([long.MinValue, long.MinValue + 1, long.MinValue + 2], Longs(x.clone().sub_(long.MaxValue).sub_(1)));
        Assert.Equal([0, AboveDoubles, 2 * AboveDoubles], Longs(x.clone().mul_(AboveDoubles)));
    }

    [Fact]
    public void ComparisonsAndClampWithLargeIntegersAreExact()
    {
        using var scope = NewDisposeScope();
        // Through a double, AboveDoubles would become AboveDoubles - 1 and match the first element instead.
        var near = tensor(new long[] { AboveDoubles - 1, AboveDoubles, AboveDoubles + 1 });
        Assert.Equal([false, true, false], (near == AboveDoubles).data<bool>().ToArray());
        Assert.Equal([true, false, true], (near != AboveDoubles).data<bool>().ToArray());
        Assert.Equal([true, false, false], (near < AboveDoubles).data<bool>().ToArray());
        Assert.Equal([false, true, true], (near >= AboveDoubles).data<bool>().ToArray());
        Assert.Equal([false, false, true], (AboveDoubles < near).data<bool>().ToArray());
        Assert.Equal([AboveDoubles, AboveDoubles, AboveDoubles], Longs(near.clamp(AboveDoubles, AboveDoubles)));
        Assert.Equal([AboveDoubles, AboveDoubles, AboveDoubles + 1], Longs(near.clone().clamp_min_(AboveDoubles)));
        Assert.Equal([AboveDoubles - 1, AboveDoubles, AboveDoubles], Longs(near.clone().clamp_max_(AboveDoubles)));
        var extremes = tensor(new long[] { long.MinValue, 0, long.MaxValue });
        Assert.Equal([true, false, false], (extremes == long.MinValue).data<bool>().ToArray());
        Assert.Equal([false, false, true], (extremes == long.MaxValue).data<bool>().ToArray());
        Assert.Equal([long.MinValue + 1, 0, long.MaxValue - 1], Longs(extremes.clamp(long.MinValue + 1, long.MaxValue - 1)));
    }

    [Fact]
    public void EachKindOfValueKeepsItsKind()
    {
        using var scope = NewDisposeScope();
        Scalar integer = long.MaxValue, real = 0.5, flag = true;
        Assert.Equal((ScalarType.Int64, long.MaxValue, "9223372036854775807"), (integer.Type, integer.ToInt64(), integer.ToString()));
        Assert.Equal((ScalarType.Float64, 0.5, "0.5"), (real.Type, real.ToDouble(), real.ToString()));
        Assert.Equal((ScalarType.Bool, true, "True"), (flag.Type, flag.ToBoolean(), flag.ToString()));
        Assert.Equal(ScalarType.Int64, full(2, 3).dtype);
        Assert.Equal(ScalarType.Float32, full(2, 0.5).dtype);
        var flags = full(2, true);
        Assert.Equal(ScalarType.Bool, flags.dtype);
        Assert.Equal([true, true], flags.data<bool>().ToArray());
        Assert.Equal([false, true], (tensor(new[] { false, true }) == true).data<bool>().ToArray());
        Assert.Equal([1.5, 2.5], (tensor(new double[] { 1, 2 }) + 0.5).data<double>().ToArray());
    }
}
