namespace Helpers;

/// <summary>How <see cref="Manifold"/> spaces its latent grid.</summary>
public enum GridKind
{
    /// <summary>Evenly over [-range, range] on both axes.</summary>
    Linear,

    /// <summary>At the standard normal quantiles ppf(linspace(0.05, 0.95, n)): equal prior mass per step.</summary>
    NormalQuantiles,
}
