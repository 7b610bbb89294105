using TorchSharp.Modules;

namespace Binding.Tests;

/// <summary>Densities, entropies and moments against closed forms written out in double arithmetic.</summary>
public class DistributionTests
{
    private static readonly double Log2Pi = Math.Log(2 * Math.PI);

    private static double NormalLogDensity(double x, double mu, double sigma) =>
        -0.5 * Log2Pi - Math.Log(sigma) - (x - mu) * (x - mu) / (2 * sigma * sigma);

    [Fact]
    public void NormalHasTheGaussianDensityEntropyAndMoments()
    {
        using var scope = NewDisposeScope();
        double[] mu = [0.5, -1, 2], sigma = [1, 0.3, 2.5], x = [0.7, -2, 2];
        using var normal = distributions.Normal(tensor(mu), tensor(sigma));
        Assert.Equal(new long[] { 3 }, normal.batch_shape);
        Assert.Empty(normal.event_shape);
        TensorAssert.Close(x.Select((v, i) => NormalLogDensity(v, mu[i], sigma[i])).ToArray(), normal.log_prob(tensor(x)), 1e-12);
        TensorAssert.Close(sigma.Select(s => 0.5 * (1 + Log2Pi) + Math.Log(s)).ToArray(), normal.entropy(), 1e-12);
        TensorAssert.Close(mu, normal.mean);
        TensorAssert.Close(mu, normal.mode);
        TensorAssert.Close(sigma, normal.stddev);
        TensorAssert.Close(sigma.Select(s => s * s).ToArray(), normal.variance, 1e-12);
        TensorAssert.Close([0.5, 0.5, 0.5], normal.cdf(tensor(mu)), 1e-12);
        TensorAssert.Close(x, normal.icdf(normal.cdf(tensor(x))), 1e-9);
    }

    [Fact]
    public void NormalBroadcastsItsParametersAndScalarOverloadsPickTheDtype()
    {
        using var scope = NewDisposeScope();
        using var normal = distributions.Normal(zeros([2, 1], float64), ones([3], float64));
        Assert.Equal(new long[] { 2, 3 }, normal.batch_shape);
        Assert.Equal(new long[] { 5, 2, 3 }, normal.sample(5).shape);
        using var standard = distributions.Normal(0.0, 1.0);
        Assert.Equal(ScalarType.Float64, standard.log_prob(tensor(0.0)).dtype);
        TensorAssert.Close([-0.5 * Log2Pi], standard.log_prob(tensor(0.0)), 1e-12);
        using var single = distributions.Normal(0f, 1f);
        Assert.Equal(ScalarType.Float32, single.sample().dtype);
    }

    private static double BernoulliLogMass(double x, double p) => x * Math.Log(p) + (1 - x) * Math.Log(1 - p);

    [Fact]
    public void BernoulliFromProbsOrLogitsHasTheSameMassAndEntropy()
    {
        using var scope = NewDisposeScope();
        double[] p = [0.1, 0.5, 0.8, 0.999], x = [0, 1, 1, 0];
        var logits = p.Select(q => Math.Log(q / (1 - q))).ToArray();
        var expectedLogMass = x.Select((v, i) => BernoulliLogMass(v, p[i])).ToArray();
        var expectedEntropy = p.Select(q => -q * Math.Log(q) - (1 - q) * Math.Log(1 - q)).ToArray();
        using var fromProbs = distributions.Bernoulli(probs: tensor(p));
        using var fromLogits = distributions.Bernoulli(logits: tensor(logits));
        foreach (var bernoulli in new[] { fromProbs, fromLogits })
        {
            TensorAssert.Close(expectedLogMass, bernoulli.log_prob(tensor(x)), 1e-9);
            TensorAssert.Close(expectedEntropy, bernoulli.entropy(), 1e-9);
            TensorAssert.Close(p, bernoulli.probs, 1e-12);
            TensorAssert.Close(logits, bernoulli.logits, 1e-9);
            TensorAssert.Close(p, bernoulli.mean, 1e-12);
            TensorAssert.Close(p.Select(q => q * (1 - q)).ToArray(), bernoulli.variance, 1e-12);
            var mode = bernoulli.mode.data<double>().ToArray();
            Assert.Equal(new[] { 0.0, 1.0, 1.0 }, mode.Where((_, i) => i != 1));
            Assert.True(double.IsNaN(mode[1]), "the mode of Bernoulli(0.5) is undefined (NaN), as in PyTorch");
        }
    }

    [Fact]
    public void BernoulliLogMassStaysFiniteForExtremeLogits()
    {
        using var scope = NewDisposeScope();
        using var bernoulli = distributions.Bernoulli(logits: tensor(new[] { -60.0, 60.0 }));
        // log σ(−60) ≈ −60 and log σ(60) ≈ −e^−60: a sigmoid followed by a log would give −inf and 0.
        TensorAssert.Close([-60, -Math.Exp(-60)], bernoulli.log_prob(tensor(new[] { 1.0, 1.0 })), 1e-12);
        using var certain = distributions.Bernoulli(probs: tensor(new[] { 0.0, 1.0 }));
        Assert.All(certain.log_prob(tensor(new[] { 1.0, 0.0 })).data<double>(), v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void BernoulliNeedsExactlyOneParameterisation()
    {
        using var scope = NewDisposeScope();
        Assert.Contains("exactly one of probs or logits", Assert.Throws<ArgumentException>(() => distributions.Bernoulli()).Message);
        Assert.Throws<ArgumentException>(() => distributions.Bernoulli(ones(1), zeros(1)));
    }

    [Fact]
    public void IndependentSumsOverTheReinterpretedDimensions()
    {
        using var scope = NewDisposeScope();
        double[] mu = [0, 1, -1, 2, 0.5, 0], sigma = [1, 2, 0.5, 1, 3, 0.2], x = [0.1, 0.2, 0.3, -0.4, 0.5, -0.6];
        using var independent = distributions.Independent(
            distributions.Normal(tensor(mu, [2, 3]), tensor(sigma, [2, 3])), 1);
        Assert.Equal(new long[] { 2 }, independent.batch_shape);
        Assert.Equal(new long[] { 3 }, independent.event_shape);
        double RowSum(Func<int, double> term, int row) => Enumerable.Range(3 * row, 3).Sum(term);
        TensorAssert.Close(new[] { 0, 1 }.Select(r => RowSum(i => NormalLogDensity(x[i], mu[i], sigma[i]), r)).ToArray(),
            independent.log_prob(tensor(x, [2, 3])), 1e-12);
        TensorAssert.Close(new[] { 0, 1 }.Select(r => RowSum(i => 0.5 * (1 + Log2Pi) + Math.Log(sigma[i]), r)).ToArray(),
            independent.entropy(), 1e-12);
        TensorAssert.Close(mu, independent.mean);
        Assert.Equal(new long[] { 4, 2, 3 }, independent.sample(4).shape);
    }

    [Fact]
    public void IndependentBernoulliPixelsGiveOneLogMassPerImage()
    {
        using var scope = NewDisposeScope();
        using var images = distributions.Independent(distributions.Bernoulli(logits: zeros(5, 1, 4, 4)), 3);
        Assert.Equal(new long[] { 5 }, images.batch_shape);
        Assert.Equal(new long[] { 1, 4, 4 }, images.event_shape);
        TensorAssert.Close(Enumerable.Repeat(16 * Math.Log(0.5), 5).ToArray(), images.log_prob(ones(5, 1, 4, 4)), 1e-6);
        Assert.Throws<ArgumentOutOfRangeException>(() => distributions.Independent(distributions.Normal(0f, 1f), 1));
    }

    // L = [[a, 0], [b, c]], Σ = L Lᵀ = [[a², ab], [ab, b² + c²]], |Σ| = a²c².
    private const double A = 1.5, B = -0.7, C = 0.4;

    private static double BivariateLogDensity(double x0, double x1)
    {
        var det = A * A * C * C;
        var quadratic = ((B * B + C * C) * x0 * x0 - 2 * A * B * x0 * x1 + A * A * x1 * x1) / det;
        return -Log2Pi - 0.5 * Math.Log(det) - 0.5 * quadratic;
    }

    private static Tensor ScaleTril() => tensor(new[,] { { A, 0 }, { B, C } });

    [Fact]
    public void MultivariateNormalMatchesTheBivariateClosedForm()
    {
        using var scope = NewDisposeScope();
        var loc = tensor(new[,] { { 0.0, 0.0 }, { 1.0, -2.0 } });
        var value = tensor(new[] { 0.3, -0.8 });
        var covariance = tensor(new[,] { { A * A, A * B }, { A * B, B * B + C * C } });
        var precision = tensor(new[,] { { B * B + C * C, -A * B }, { -A * B, A * A } }) / (A * A * C * C);
        using var fromScale = distributions.MultivariateNormal(loc, scale_tril: ScaleTril());
        using var fromCovariance = distributions.MultivariateNormal(loc, covariance_matrix: covariance);
        using var fromPrecision = distributions.MultivariateNormal(loc, precision_matrix: precision);
        var expected = new[] { BivariateLogDensity(0.3, -0.8), BivariateLogDensity(0.3 - 1, -0.8 + 2) };
        foreach (var mvn in new[] { fromScale, fromCovariance, fromPrecision })
        {
            Assert.Equal(new long[] { 2 }, mvn.batch_shape);
            Assert.Equal(new long[] { 2 }, mvn.event_shape);
            TensorAssert.Close(expected, mvn.log_prob(value), 1e-10);
            TensorAssert.Close([A, 0, B, C, A, 0, B, C], mvn.scale_tril, 1e-10);
            TensorAssert.Close(Enumerable.Repeat(1 + Log2Pi + Math.Log(A * C), 2).ToArray(), mvn.entropy(), 1e-10);
            TensorAssert.Close([A * A, B * B + C * C, A * A, B * B + C * C], mvn.variance, 1e-10);
            TensorAssert.Close([0, 0, 1, -2], mvn.mean);
            TensorAssert.Close([0, 0, 1, -2], mvn.mode);
        }
    }

    [Fact]
    public void MultivariateNormalLogProbBroadcastsSampleDimensions()
    {
        using var scope = NewDisposeScope();
        using var mvn = distributions.MultivariateNormal(zeros([3, 2], float64), scale_tril: ScaleTril());
        var values = tensor(new[] { 0.3, -0.8 }).expand(4, 3, 2);
        Assert.Equal(new long[] { 4, 3 }, mvn.log_prob(values).shape);
        TensorAssert.Close(Enumerable.Repeat(BivariateLogDensity(0.3, -0.8), 12).ToArray(), mvn.log_prob(values), 1e-10);
    }

    [Fact]
    public void MultivariateNormalRejectsMismatchedShapes()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => distributions.MultivariateNormal(zeros(3), scale_tril: eye(2)));
        Assert.Contains("[..., 3, 3]", e.Message);
        Assert.Throws<ArgumentException>(() => distributions.MultivariateNormal(zeros(2)));
    }

    [Fact]
    public void LogProbIsDifferentiableInLocAndScaleTril()
    {
        var value = tensor(new[,] { { 0.3, -0.8, 0.1 }, { 1.2, 0.4, -0.5 } });
        GradCheck.Check(inputs =>
        {
            using var mvn = distributions.MultivariateNormal(inputs[0], scale_tril: inputs[1]);
            return mvn.log_prob(value);
        }, tensor(new[] { 0.1, -0.2, 0.3 }), tensor(new[,] { { 1.2, 0, 0 }, { 0.3, 0.8, 0 }, { -0.5, 0.2, 1.1 } }));
        value.Dispose();
    }

    [Fact]
    public void ADistributionOutlivesTheScopeItWasMadeInUntilDisposed()
    {
        MultivariateNormal mvn;
        using (NewDisposeScope()) mvn = distributions.MultivariateNormal(zeros(2), scale_tril: eye(2));
        using (NewDisposeScope())
            TensorAssert.Close([-Log2Pi], mvn.log_prob(zeros(2)), 1e-6);
        mvn.Dispose();
        Assert.Throws<ObjectDisposedException>(() => mvn.entropy());
    }
}
