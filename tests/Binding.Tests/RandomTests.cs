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

    /// <summary>A draw from every sampler that takes a generator.</summary>
    private static double[] DrawFrom(Generator generator)
    {
        using var scope = NewDisposeScope();
        return new[]
        {
            rand(3, generator: generator), randn(2, 2, generator: generator), rand([2], generator: generator),
            randint(0, 1000, [4], generator: generator).to(float32), randperm(6, generator: generator).to(float32),
            empty(3).uniform_(-1, 1, generator), empty(3).normal_(0, 1, generator), empty(16).bernoulli_(0.5, generator),
            full([16], 0.5).bernoulli(generator),
        }.SelectMany(t => t.to(float64).data<double>()).ToArray();
    }

    [Fact]
    public void ManualSeedReturnsTheDefaultGenerator()
    {
        using var scope = NewDisposeScope();
        using var generator = manual_seed(5);
        Assert.Equal(5, generator.initial_seed());
        Assert.Equal(CPU, generator.device);
        var first = randn(4).data<float>().ToArray();
        using var state = generator.get_state();
        Assert.Equal(ScalarType.Byte, state.dtype);
        var second = randn(4).data<float>().ToArray();
        generator.set_state(state);
        Assert.Equal(second, randn(4).data<float>().ToArray());
        Assert.Same(generator, generator.manual_seed(5));
        Assert.Equal(first, randn(4).data<float>().ToArray());
    }

    [Fact]
    public void APrivateGeneratorDrawsItsOwnRepeatableSequence()
    {
        using var a = new Generator(11);
        using var b = new Generator(11);
        manual_seed(0);
        var fromA = DrawFrom(a);
        using (NewDisposeScope()) randn(100);
        Assert.Equal(fromA, DrawFrom(b));
        Assert.NotEqual(fromA, DrawFrom(a));
        Assert.Equal(11, b.manual_seed(11).initial_seed());
        Assert.Equal(fromA, DrawFrom(b));
        // A private generator seeded like the default one draws the same numbers.
        using var scope = NewDisposeScope();
        manual_seed(11);
        using var same = new Generator(11);
        Assert.Equal(rand(5).data<float>().ToArray(), rand(5, generator: same).data<float>().ToArray());
    }

    [Fact]
    public void SeedPicksAndRecordsANewSeed()
    {
        using var generator = new Generator();
        Assert.Equal(0, generator.initial_seed());
        var seed = generator.seed();
        Assert.Equal(seed, generator.initial_seed());
    }

    [Fact]
    public void GeneratorsAreCpuOnlyAndUnusableAfterDispose()
    {
        var e = Assert.Throws<ArgumentException>(() => new Generator(1, new Device(DeviceType.CUDA, 0)));
        Assert.Equal("device", e.ParamName);
        var generator = new Generator(1);
        generator.Dispose();
        Assert.Throws<ObjectDisposedException>(() => rand(2, generator: generator));
    }
}
