namespace Binding.Tests;

/// <summary>Sample moments from the seeded global generator, and what disposal frees; run alone.</summary>
[Collection(TensorGlobalState.Name)]
public class DistributionSamplingTests
{
    private const int Samples = 20_000;

    [Fact]
    public void MultivariateNormalSamplesHaveTheRightMeanAndCovariance()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        const double a = 1.5, b = -0.7, c = 0.4;
        var loc = tensor(new[] { 1.0, -2.0 }).requires_grad_();
        using var mvn = distributions.MultivariateNormal(loc, scale_tril: tensor(new[,] { { a, 0 }, { b, c } }));
        var samples = mvn.rsample(Samples);
        Assert.Equal(new long[] { Samples, 2 }, samples.shape);
        Assert.True(samples.requires_grad, "rsample keeps the graph back to the parameters");
        Assert.False(mvn.sample(1).requires_grad);

        var values = samples.detach().data<double>().ToArray();
        double Mean(int k) => Enumerable.Range(0, Samples).Average(n => values[2 * n + k]);
        double[] mean = [Mean(0), Mean(1)];
        double Covariance(int i, int j) =>
            Enumerable.Range(0, Samples).Sum(n => (values[2 * n + i] - mean[i]) * (values[2 * n + j] - mean[j])) / (Samples - 1);
        Assert.Equal(1.0, mean[0], 0.05);
        Assert.Equal(-2.0, mean[1], 0.05);
        Assert.Equal(a * a, Covariance(0, 0), 0.1);
        Assert.Equal(a * b, Covariance(0, 1), 0.1);
        Assert.Equal(b * b + c * c, Covariance(1, 1), 0.1);
    }

    [Fact]
    public void BernoulliSampleFrequenciesMatchTheProbabilities()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        double[] probs = [0.1, 0.5, 0.9];
        using var bernoulli = distributions.Bernoulli(probs: tensor(probs));
        var samples = bernoulli.sample(Samples);
        Assert.Equal(new long[] { Samples, 3 }, samples.shape);
        Assert.True(samples.eq(0).logical_or(samples.eq(1)).all().item<bool>(), "samples are 0 or 1");
        TensorAssert.Close(probs, samples.mean(0), 0.02);
    }

    [Fact]
    public void NormalSamplesHaveTheRightMeanAndSpread()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var normal = distributions.Normal(tensor(new[] { -1.0, 4.0 }), tensor(new[] { 0.5, 2.0 }));
        var samples = normal.sample(Samples);
        TensorAssert.Close([-1, 4], samples.mean(0), 0.05);
        TensorAssert.Close([0.5, 2], samples.std(0), 0.05);
    }

    [Fact]
    public void DisposingDistributionsFreesTheirTensors()
    {
        // Finalizers of other tests' garbage must not run while counting.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = LiveTensorCount;
        using (NewDisposeScope())
        {
            using var posterior = distributions.MultivariateNormal(randn(4, 3), covariance_matrix: eye(3));
            using var prior = distributions.Independent(distributions.Normal(zeros(3), ones(3)), 1);
            using var pixels = distributions.Bernoulli(probs: rand(4, 3));
            distributions.kl_divergence(posterior, prior);
        }
        Assert.Equal(baseline, LiveTensorCount);
    }
}
