namespace Binding.Tests;

/// <summary>kl_divergence against the Gaussian KL closed forms written out in double arithmetic.</summary>
public class DistributionKLTests
{
    // KL(N(μp, σp²) ‖ N(μq, σq²)) = log(σq/σp) + (σp² + (μp − μq)²) / (2σq²) − ½.
    private static double NormalKL(double muP, double sigmaP, double muQ, double sigmaQ) =>
        Math.Log(sigmaQ / sigmaP) + (sigmaP * sigmaP + (muP - muQ) * (muP - muQ)) / (2 * sigmaQ * sigmaQ) - 0.5;

    private static readonly double[] MuP = [0.5, -1, 2], SigmaP = [1, 0.3, 2.5], MuQ = [0, 1, 2.5], SigmaQ = [2, 0.5, 1];

    private static double[] ElementwiseNormalKL() =>
        Enumerable.Range(0, 3).Select(i => NormalKL(MuP[i], SigmaP[i], MuQ[i], SigmaQ[i])).ToArray();

    [Fact]
    public void NormalToNormal()
    {
        using var scope = NewDisposeScope();
        using var p = distributions.Normal(tensor(MuP), tensor(SigmaP));
        using var q = distributions.Normal(tensor(MuQ), tensor(SigmaQ));
        TensorAssert.Close(ElementwiseNormalKL(), distributions.kl_divergence(p, q), 1e-12);
    }

    [Fact]
    public void IndependentNormalsSumTheirElementwiseDivergences()
    {
        using var scope = NewDisposeScope();
        using var p = distributions.Independent(distributions.Normal(tensor(MuP), tensor(SigmaP)), 1);
        using var q = distributions.Independent(distributions.Normal(tensor(MuQ), tensor(SigmaQ)), 1);
        TensorAssert.Close([ElementwiseNormalKL().Sum()], distributions.kl_divergence(p, q), 1e-12);
    }

    [Fact]
    public void MultivariateNormalsMatchTheBivariateClosedForm()
    {
        using var scope = NewDisposeScope();
        // Lp = [[a, 0], [b, c]], Lq = [[d, 0], [e, f]]; Σ = L Lᵀ and the 2×2 inverse by hand.
        const double a = 1.5, b = -0.7, c = 0.4, d = 0.8, e = 0.3, f = 1.1;
        double[] muP = [0.2, -0.4], muQ = [1.0, 0.5];
        double sp00 = a * a, sp01 = a * b, sp11 = b * b + c * c;
        double detQ = d * d * f * f, iq00 = (e * e + f * f) / detQ, iq01 = -d * e / detQ, iq11 = d * d / detQ;
        var trace = iq00 * sp00 + 2 * iq01 * sp01 + iq11 * sp11;
        double m0 = muQ[0] - muP[0], m1 = muQ[1] - muP[1];
        var quadratic = iq00 * m0 * m0 + 2 * iq01 * m0 * m1 + iq11 * m1 * m1;
        var expected = 0.5 * (trace + quadratic - 2 + Math.Log(detQ / (a * a * c * c)));

        using var p = distributions.MultivariateNormal(tensor(muP), scale_tril: tensor(new[,] { { a, 0 }, { b, c } }));
        using var q = distributions.MultivariateNormal(tensor(muQ), scale_tril: tensor(new[,] { { d, 0 }, { e, f } }));
        TensorAssert.Close([expected], distributions.kl_divergence(p, q), 1e-12);
    }

    [Fact]
    public void DiagonalMultivariateNormalsAgreeWithNormals()
    {
        using var scope = NewDisposeScope();
        using var p = distributions.MultivariateNormal(tensor(MuP), scale_tril: tensor(SigmaP).diag_embed());
        using var q = distributions.MultivariateNormal(tensor(MuQ), scale_tril: tensor(SigmaQ).diag_embed());
        using var qIndependent = distributions.Independent(distributions.Normal(tensor(MuQ), tensor(SigmaQ)), 1);
        var expected = ElementwiseNormalKL().Sum();
        TensorAssert.Close([expected], distributions.kl_divergence(p, q), 1e-12);
        TensorAssert.Close([expected], distributions.kl_divergence(p, qIndependent), 1e-12);
        var reversed = Enumerable.Range(0, 3).Sum(i => NormalKL(MuQ[i], SigmaQ[i], MuP[i], SigmaP[i]));
        TensorAssert.Close([reversed], distributions.kl_divergence(qIndependent, p), 1e-12);
    }

    /// <summary>A batch of lower-triangular scales with a positive diagonal, from a fixed .NET seed.</summary>
    private static double[] RandomScaleTrils(int batch, int dim, int seed = 4)
    {
        var random = new Random(seed);
        var values = new double[batch * dim * dim];
        for (var n = 0; n < batch; n++)
            for (var i = 0; i < dim; i++)
                for (var j = 0; j <= i; j++)
                    values[(n * dim + i) * dim + j] = i == j ? 0.2 + random.NextDouble() : random.NextDouble() - 0.5;
        return values;
    }

    [Fact]
    public void FullCovarianceEncoderAgainstTheStandardNormalPrior()
    {
        using var scope = NewDisposeScope();
        const int batch = 2, dim = 16;
        var random = new Random(5);
        var mu = Enumerable.Range(0, batch * dim).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var scaleTril = RandomScaleTrils(batch, dim);
        // KL(N(μ, L Lᵀ) ‖ N(0, I)) = ½ (tr(L Lᵀ) + |μ|² − d) − Σ log Lᵢᵢ, and tr(L Lᵀ) = Σ Lᵢⱼ².
        var expected = Enumerable.Range(0, batch).Select(n =>
        {
            var l = scaleTril.Skip(n * dim * dim).Take(dim * dim).ToArray();
            var m = mu.Skip(n * dim).Take(dim);
            var logDiagonal = Enumerable.Range(0, dim).Sum(i => Math.Log(l[i * dim + i]));
            return 0.5 * (l.Sum(v => v * v) + m.Sum(v => v * v) - dim) - logDiagonal;
        }).ToArray();

        using var posterior = distributions.MultivariateNormal(tensor(mu, [batch, dim]), scale_tril: tensor(scaleTril, [batch, dim, dim]));
        using var prior = distributions.Independent(distributions.Normal(zeros([dim], float64), ones([dim], float64)), 1);
        TensorAssert.Close(expected, distributions.kl_divergence(posterior, prior), 1e-10);
        TensorAssert.Close([0], distributions.kl_divergence(prior, prior), 1e-12);
    }

    [Fact]
    public void KLAgainstThePriorIsDifferentiable()
    {
        const int dim = 4;
        using var prior = distributions.Independent(distributions.Normal(zeros([dim], float64), ones([dim], float64)), 1);
        GradCheck.Check(inputs =>
        {
            using var posterior = distributions.MultivariateNormal(inputs[0], scale_tril: inputs[1]);
            return distributions.kl_divergence(posterior, prior);
        }, tensor(new[] { 0.3, -0.2, 0.5, 0.1, -0.7, 0.4, 0.0, 0.9 }, [2, dim]), tensor(RandomScaleTrils(2, dim), [2, dim, dim]));
    }

    [Fact]
    public void NormalToNormalIsDifferentiableInBothDistributions() =>
        GradCheck.Check(inputs =>
        {
            using var p = distributions.Normal(inputs[0], inputs[1]);
            using var q = distributions.Normal(inputs[2], inputs[3]);
            return distributions.kl_divergence(p, q);
        }, tensor(MuP), tensor(SigmaP), tensor(MuQ), tensor(SigmaQ));

    [Fact]
    public void MultivariateNormalToMultivariateNormalIsDifferentiableInBothDistributions()
    {
        const int dim = 3;
        // Every element of the scales is perturbed, the upper triangles too: p's enters the solve Lq⁻¹ Lp as a
        // whole matrix, q's is ignored by it, and autograd must agree with finite differences on both.
        GradCheck.Check(inputs =>
        {
            using var p = distributions.MultivariateNormal(inputs[0], scale_tril: inputs[1]);
            using var q = distributions.MultivariateNormal(inputs[2], scale_tril: inputs[3]);
            return distributions.kl_divergence(p, q);
        }, tensor(new[] { 0.3, -0.2, 0.5, 0.1, -0.7, 0.4 }, [2, dim]), tensor(RandomScaleTrils(2, dim), [2, dim, dim]),
           tensor(new[] { -0.4, 0.6, 0.2, 0.8, 0.0, -0.3 }, [2, dim]), tensor(RandomScaleTrils(2, dim, seed: 6), [2, dim, dim]));
    }

    [Fact]
    public void UnsupportedPairsNameBothDistributions()
    {
        using var scope = NewDisposeScope();
        using var bernoulli = distributions.Independent(distributions.Bernoulli(probs: full([3], 0.5)), 1);
        using var normal = distributions.MultivariateNormal(zeros(3), scale_tril: eye(3));
        var e = Assert.Throws<NotSupportedException>(() => distributions.kl_divergence(bernoulli, normal));
        Assert.Contains("p: Independent(Bernoulli, 1) and q: MultivariateNormal", e.Message);
    }
}
