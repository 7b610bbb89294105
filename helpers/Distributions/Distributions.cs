using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Helpers;

/// <summary>
/// What TorchSharp 0.107's <c>torch.distributions</c> lacks and the chapters use. The members extend
/// <c>torch.distributions</c> itself (C# 14 extension members), so with <c>using Helpers;</c> a notebook calls
/// <c>distributions.kl_divergence(q, prior)</c> as in PyTorch; <c>Distributions.kl_divergence(q, prior)</c> is
/// the same method for a compiler without extension members.
/// </summary>
public static class Distributions
{
    extension(torch.distributions)
    {
        /// <summary>
        /// KL(p ‖ q) in closed form, differentiable in the parameters of both, one value per batch element
        /// (the batch shapes broadcast). Supported pairs: Normal–Normal (element-wise), Independent–Independent
        /// over the same number of event dimensions (the sum of the bases' divergences), and any two of
        /// MultivariateNormal and Independent(Normal, 1).
        /// </summary>
        public static Tensor kl_divergence(distributions.Distribution p, distributions.Distribution q)
        {
            ArgumentNullException.ThrowIfNull(p);
            ArgumentNullException.ThrowIfNull(q);
            using var scope = NewDisposeScope();
            return Divergence(p, q).MoveToOuterDisposeScope();
        }
    }

    private static Tensor Divergence(distributions.Distribution p, distributions.Distribution q)
    {
        if (p is Normal normalP && q is Normal normalQ)
            return GaussianDivergence.Diagonal(normalP.mean, normalP.stddev, normalQ.mean, normalQ.stddev);
        if (p is Independent independentP && q is Independent independentQ && p.event_shape.Length == q.event_shape.Length
            && DistributionParts.Base(independentP) is Normal baseP && DistributionParts.Base(independentQ) is Normal baseQ)
        {
            var elementwise = GaussianDivergence.Diagonal(baseP.mean, baseP.stddev, baseQ.mean, baseQ.stddev);
            var eventDimensions = Enumerable.Range(1, p.event_shape.Length).Select(d => (long)-d).ToArray();
            // An empty list of dimensions would make sum reduce them all.
            return eventDimensions.Length == 0 ? elementwise : elementwise.sum(eventDimensions);
        }
        if (DistributionParts.FullGaussian(p) is { } fullP && DistributionParts.FullGaussian(q) is { } fullQ)
            return GaussianDivergence.Full(fullP, fullQ);
        throw new NotSupportedException(
            $"kl_divergence has no closed form for p: {DistributionParts.Describe(p)} and q: {DistributionParts.Describe(q)}; " +
            "it supports Normal–Normal, Independent(Normal, n)–Independent(Normal, n), and MultivariateNormal or " +
            "Independent(Normal, 1) on both sides");
    }
}
