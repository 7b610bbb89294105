using static TorchSharp.torch;

namespace TorchSharp.Modules;

/// <summary>Closed-form KL divergences between the distribution pairs that have one.</summary>
internal static class KullbackLeibler
{
    internal static Tensor Divergence(distributions.Distribution p, distributions.Distribution q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        if (!p.event_shape.SequenceEqual(q.event_shape))
            throw new ArgumentException($"kl_divergence needs equal event shapes, but p has {Tensor.ShapeString(p.event_shape)} and q has {Tensor.ShapeString(q.event_shape)}");
        return (p, q) switch
        {
            (Normal a, Normal b) => Normals(a, b),
            (Independent a, Independent b) when a.reinterpreted_batch_ndims == b.reinterpreted_batch_ndims =>
                a.SumReinterpreted(Divergence(a.base_dist, b.base_dist)),
            _ when IsGaussian(p) && IsGaussian(q) => distributions.Distribution.Scoped(() => Gaussians(AsGaussian(p), AsGaussian(q))),
            _ => throw new NotSupportedException($"kl_divergence is not implemented for p: {Describe(p)} and q: {Describe(q)}"),
        };
    }

    private static Tensor Normals(Normal p, Normal q) => distributions.Distribution.Scoped(() =>
    {
        var varianceRatio = (p.Scale / q.Scale).square();
        var meanTerm = ((p.Loc - q.Loc) / q.Scale).square();
        return (varianceRatio + meanTerm - 1 - varianceRatio.log()) * 0.5;
    });

    private static bool IsGaussian(distributions.Distribution d) =>
        d is MultivariateNormal or Independent { reinterpreted_batch_ndims: 1, base_dist: Normal };

    /// <summary>Location and lower-triangular scale of a vector Gaussian (diagonal for Independent(Normal, 1)).</summary>
    private static (Tensor loc, Tensor scaleTril) AsGaussian(distributions.Distribution d) => d switch
    {
        MultivariateNormal m => (m.Loc, m.ScaleTril),
        Independent { base_dist: Normal n } => (n.Loc, n.Scale.diag_embed()),
        _ => throw new InvalidOperationException($"{Describe(d)} is not a vector Gaussian"),
    };

    // KL = log|Lq| − log|Lp| + ½ (‖Lq⁻¹ Lp‖²_F + |Lq⁻¹ (μq − μp)|² − d).
    private static Tensor Gaussians((Tensor loc, Tensor scaleTril) p, (Tensor loc, Tensor scaleTril) q)
    {
        var d = p.loc.shape[^1];
        var traceTerm = linalg.solve_triangular(q.scaleTril, p.scaleTril, upper: false).square().sum([-2, -1]);
        var meanTerm = MultivariateNormal.Mahalanobis(q.scaleTril, q.loc - p.loc);
        var logDetTerm = MultivariateNormal.HalfLogDet(q.scaleTril) - MultivariateNormal.HalfLogDet(p.scaleTril);
        return logDetTerm + (traceTerm + meanTerm - d) * 0.5;
    }

    private static string Describe(distributions.Distribution d) => d is Independent i
        ? $"Independent({Describe(i.base_dist)}, {i.reinterpreted_batch_ndims})"
        : d.GetType().Name;
}
