namespace Helpers.Tests;

/// <summary>
/// The helpers' kl_divergence (an extension of torch.distributions) against the Gaussian closed forms written out
/// in double arithmetic, and its gradients in both distributions against finite differences.
/// </summary>
public class DistributionKLTests
{
    // KL(N(μp, σp²) ‖ N(μq, σq²)) = log(σq/σp) + (σp² + (μp − μq)²) / (2σq²) − ½.
    private static double NormalKL(double muP, double sigmaP, double muQ, double sigmaQ) =>
        Math.Log(sigmaQ / sigmaP) + (sigmaP * sigmaP + (muP - muQ) * (muP - muQ)) / (2 * sigmaQ * sigmaQ) - 0.5;

    private static readonly double[] MuP = [0.5, -1, 2], SigmaP = [1, 0.3, 2.5], MuQ = [0, 1, 2.5], SigmaQ = [2, 0.5, 1];

    private static double[] ElementwiseNormalKL() =>
        Enumerable.Range(0, 3).Select(i => NormalKL(MuP[i], SigmaP[i], MuQ[i], SigmaQ[i])).ToArray();

    /// <summary>Lower-triangular scales with a positive diagonal, <c>[batch, dim, dim]</c> row-major, from a fixed .NET seed.</summary>
    private static double[] ScaleTrils(int batch, int dim, int seed)
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
    public void Normal_to_normal_is_the_elementwise_closed_form()
    {
        using var scope = NewDisposeScope();
        using var p = distributions.Normal(tensor(MuP), tensor(SigmaP));
        using var q = distributions.Normal(tensor(MuQ), tensor(SigmaQ));

        TensorAssert.Close(ElementwiseNormalKL(), distributions.kl_divergence(p, q), 1e-12);
    }

    [Fact]
    public void Independent_normals_sum_their_elementwise_divergences_over_the_event()
    {
        using var scope = NewDisposeScope();
        using var p = distributions.Independent(distributions.Normal(tensor(MuP), tensor(SigmaP)), 1);
        using var q = distributions.Independent(distributions.Normal(tensor(MuQ), tensor(SigmaQ)), 1);

        TensorAssert.Close([ElementwiseNormalKL().Sum()], distributions.kl_divergence(p, q), 1e-12);
    }

    [Fact]
    public void Independent_normals_sum_over_as_many_event_dimensions_as_they_reinterpret_and_no_more()
    {
        using var scope = NewDisposeScope();
        var (muP, sigmaP, muQ, sigmaQ) = (tensor(MuP).repeat(2, 1), tensor(SigmaP).repeat(2, 1), tensor(MuQ).repeat(2, 1), tensor(SigmaQ).repeat(2, 1));
        using var p2 = distributions.Independent(distributions.Normal(muP, sigmaP), 2);
        using var q2 = distributions.Independent(distributions.Normal(muQ, sigmaQ), 2);
        using var p0 = distributions.Independent(distributions.Normal(muP, sigmaP), 0);
        using var q0 = distributions.Independent(distributions.Normal(muQ, sigmaQ), 0);

        TensorAssert.Close([2 * ElementwiseNormalKL().Sum()], distributions.kl_divergence(p2, q2), 1e-12);
        TensorAssert.Close([.. ElementwiseNormalKL(), .. ElementwiseNormalKL()], distributions.kl_divergence(p0, q0), 1e-12);
    }

    [Fact]
    public void Multivariate_normals_match_the_bivariate_closed_form()
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
    public void A_multivariate_normal_against_independent_normals_on_either_side_is_the_diagonal_case()
    {
        using var scope = NewDisposeScope();
        using var p = distributions.MultivariateNormal(tensor(MuP), scale_tril: tensor(SigmaP).diag_embed());
        using var q = distributions.MultivariateNormal(tensor(MuQ), scale_tril: tensor(SigmaQ).diag_embed());
        using var qIndependent = distributions.Independent(distributions.Normal(tensor(MuQ), tensor(SigmaQ)), 1);
        var expected = ElementwiseNormalKL().Sum();
        var reversed = Enumerable.Range(0, 3).Sum(i => NormalKL(MuQ[i], SigmaQ[i], MuP[i], SigmaP[i]));

        TensorAssert.Close([expected], distributions.kl_divergence(p, q), 1e-12);
        TensorAssert.Close([expected], distributions.kl_divergence(p, qIndependent), 1e-12);
        TensorAssert.Close([reversed], distributions.kl_divergence(qIndependent, p), 1e-12);
    }

    [Fact]
    public void A_batch_of_full_covariance_posteriors_against_the_standard_normal_prior()
    {
        // Chapter 04b's loss: q(z|x) = N(μ, L Lᵀ) per image against p(z) = N(0, I) without a batch.
        // KL = ½ (tr(L Lᵀ) + |μ|² − d) − Σ log Lᵢᵢ, and tr(L Lᵀ) = Σ Lᵢⱼ².
        using var scope = NewDisposeScope();
        const int batch = 3, dim = 16;
        var random = new Random(5);
        var mu = Enumerable.Range(0, batch * dim).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var scaleTril = ScaleTrils(batch, dim, seed: 4);
        var expected = Enumerable.Range(0, batch).Select(n =>
        {
            var l = scaleTril.AsSpan(n * dim * dim, dim * dim).ToArray();
            var m = mu.AsSpan(n * dim, dim).ToArray();
            var logDiagonal = Enumerable.Range(0, dim).Sum(i => Math.Log(l[i * dim + i]));
            return 0.5 * (l.Sum(v => v * v) + m.Sum(v => v * v) - dim) - logDiagonal;
        }).ToArray();

        using var posterior = distributions.MultivariateNormal(tensor(mu, [batch, dim]), scale_tril: tensor(scaleTril, [batch, dim, dim]));
        using var prior = distributions.Independent(distributions.Normal(zeros([dim], float64), ones([dim], float64)), 1);

        var divergence = distributions.kl_divergence(posterior, prior);
        Assert.Equal([(long)batch], divergence.shape);
        TensorAssert.Close(expected, divergence, 1e-10);
        TensorAssert.Close([0], distributions.kl_divergence(prior, prior), 1e-12);
        // The same method without extension members, for a compiler older than C# 14.
        TensorAssert.Close(expected, Distributions.kl_divergence(posterior, prior), 1e-10);
    }

    [Fact]
    public void Normal_to_normal_is_differentiable_in_both_distributions() =>
        FiniteDifferences.AssertGradientsMatch(inputs =>
        {
            using var p = distributions.Normal(inputs[0], inputs[1]);
            using var q = distributions.Normal(inputs[2], inputs[3]);
            return distributions.kl_divergence(p, q);
        }, tensor(MuP), tensor(SigmaP), tensor(MuQ), tensor(SigmaQ));

    [Fact]
    public void Multivariate_normal_to_multivariate_normal_is_differentiable_in_both_distributions()
    {
        const int dim = 3;
        // MultivariateNormal disposes the scale it is given, so it gets an alias of each input. The upper triangles
        // are perturbed too: the divergence ignores them, and autograd must say so as well as the differences.
        FiniteDifferences.AssertGradientsMatch(inputs =>
        {
            using var p = distributions.MultivariateNormal(inputs[0], scale_tril: inputs[1].alias());
            using var q = distributions.MultivariateNormal(inputs[2], scale_tril: inputs[3].alias());
            return distributions.kl_divergence(p, q);
        }, tensor(new[] { 0.3, -0.2, 0.5, 0.1, -0.7, 0.4 }, [2, dim]), tensor(ScaleTrils(2, dim, seed: 4), [2, dim, dim]),
           tensor(new[] { -0.4, 0.6, 0.2, 0.8, 0.0, -0.3 }, [2, dim]), tensor(ScaleTrils(2, dim, seed: 6), [2, dim, dim]));
    }

    [Fact]
    public void Multivariate_normal_to_independent_normals_is_differentiable_in_both_distributions()
    {
        const int dim = 3;
        FiniteDifferences.AssertGradientsMatch(inputs =>
        {
            using var p = distributions.MultivariateNormal(inputs[0], scale_tril: inputs[1].alias());
            using var q = distributions.Independent(distributions.Normal(inputs[2], inputs[3]), 1);
            return distributions.kl_divergence(p, q);
        }, tensor(new[] { 0.3, -0.2, 0.5, 0.1, -0.7, 0.4 }, [2, dim]), tensor(ScaleTrils(2, dim, seed: 4), [2, dim, dim]),
           tensor(new[] { -0.4, 0.6, 0.2 }), tensor(new[] { 0.7, 1.3, 0.9 }));
    }

    [Fact]
    public void Unsupported_pairs_name_both_distributions()
    {
        using var scope = NewDisposeScope();
        using var bernoulli = distributions.Independent(distributions.Bernoulli(probs: full([3], 0.5)), 1);
        using var normal = distributions.MultivariateNormal(zeros(3), scale_tril: eye(3));

        var error = Assert.Throws<NotSupportedException>(() => distributions.kl_divergence(bernoulli, normal));

        Assert.Contains("p: Independent(Bernoulli, 1) and q: MultivariateNormal", error.Message);
    }

    [Fact]
    public void Events_of_different_sizes_are_refused_with_both_shapes()
    {
        using var scope = NewDisposeScope();
        using var p = distributions.MultivariateNormal(zeros(3), scale_tril: eye(3));
        using var q = distributions.MultivariateNormal(zeros(2), scale_tril: eye(2));

        var error = Assert.Throws<ArgumentException>(() => distributions.kl_divergence(p, q));

        Assert.Contains("p has event shape [3], q has [2]", error.Message);
    }
}
