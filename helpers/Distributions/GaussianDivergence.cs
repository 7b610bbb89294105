using TorchSharp;
using static TorchSharp.torch;

namespace Helpers;

/// <summary>The closed forms of KL(p ‖ q) between Gaussians, written with differentiable tensor operations.</summary>
internal static class GaussianDivergence
{
    /// <summary>Element-wise KL(N(μp, σp²) ‖ N(μq, σq²)) = ½ (r + ((μp − μq)/σq)² − 1 − log r), r = (σp/σq)².</summary>
    public static Tensor Diagonal(Tensor muP, Tensor sigmaP, Tensor muQ, Tensor sigmaQ)
    {
        var ratio = (sigmaP / sigmaQ).square();
        var distance = ((muP - muQ) / sigmaQ).square();
        return (ratio + distance - 1 - ratio.log()) * 0.5;
    }

    /// <summary>
    /// KL(N(μp, Lp Lpᵀ) ‖ N(μq, Lq Lqᵀ)) = Σ log diag Lq − Σ log diag Lp + ½ (‖Lq⁻¹ Lp‖² + ‖Lq⁻¹ (μq − μp)‖² − D),
    /// the batch shapes of both broadcast.
    /// </summary>
    public static Tensor Full(FullGaussian p, FullGaussian q)
    {
        var dimension = p.Loc.shape[^1];
        if (q.Loc.shape[^1] != dimension)
            throw new ArgumentException(
                $"kl_divergence needs events of one size: p has event shape [{dimension}], q has [{q.Loc.shape[^1]}]");
        var halfLogDeterminants = HalfLogDeterminant(q.ScaleTril) - HalfLogDeterminant(p.ScaleTril);
        var trace = linalg.solve_triangular(q.ScaleTril, p.ScaleTril, upper: false).square().sum(-2, -1);
        var offset = linalg.solve_triangular(q.ScaleTril, (q.Loc - p.Loc).unsqueeze(-1), upper: false);
        var mahalanobis = offset.squeeze(-1).square().sum(-1);
        return halfLogDeterminants + (trace + mahalanobis - dimension) * 0.5;
    }

    private static Tensor HalfLogDeterminant(Tensor scaleTril) => scaleTril.diagonal(0, -2, -1).log().sum(-1);
}
