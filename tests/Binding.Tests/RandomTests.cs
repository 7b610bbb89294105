namespace Binding.Tests;

[Collection(TensorGlobalState.Name)]
public class RandomTests
{
    /// <summary>One draw from each random source, flattened to doubles so draws can be compared.</summary>
    private static double[] Draw(long seed)
    {
        using var scope = NewDisposeScope();
        manual_seed(seed);
        return new[]
        {
            randn(5), rand(5), randint(0, 1000, [5]).to(float32), randperm(8).to(float32),
            full([64], 0.5).bernoulli(), empty(64).bernoulli_(0.3), empty(4).uniform_(-2, 2), empty(4).normal_(3, 2),
            randn_like(zeros(3)), rand_like(zeros(3)),
        }.SelectMany(t => t.to(float64).data<double>()).ToArray();
    }

    [Fact]
    public void TheSameSeedGivesTheSameNumbers() => Assert.Equal(Draw(42), Draw(42));

    [Fact]
    public void DifferentSeedsGiveDifferentNumbers()
    {
        var a = Draw(1);
        var b = Draw(2);
        Assert.NotEqual(a, b);
        // Each source differs on its own, not just one of them.
        Assert.NotEqual(a[..5], b[..5]);
        Assert.NotEqual(a[5..10], b[5..10]);
        Assert.NotEqual(a[10..15], b[10..15]);
        Assert.NotEqual(a[15..23], b[15..23]);
    }

    [Fact]
    public void InPlaceSamplersRespectTheirParameters()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        Assert.All(empty(1000).uniform_(-2, 3).data<float>(), v => Assert.InRange(v, -2f, 3f));
        var normal = empty(new long[] { 10000 }, float64).normal_(3, 2);
        Assert.InRange(normal.mean().item<double>(), 2.9, 3.1);
        Assert.InRange(normal.std().item<double>(), 1.9, 2.1);
        var coins = empty(10000).bernoulli_(0.3);
        Assert.All(coins.data<float>(), v => Assert.True(v is 0f or 1f));
        Assert.InRange(coins.mean().item<float>(), 0.27f, 0.33f);
        var probabilities = tensor(new float[] { 0, 1, 0, 1 });
        Assert.Equal([0f, 1, 0, 1], probabilities.bernoulli().data<float>().ToArray());
    }
}
