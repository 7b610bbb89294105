using System.Reflection;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Helpers;

/// <summary>A Gaussian with a vector event as the KL needs it: mean <c>[..., D]</c> and lower-triangular scale <c>[..., D, D]</c>.</summary>
internal sealed record FullGaussian(Tensor Loc, Tensor ScaleTril);

/// <summary>
/// The parameters TorchSharp 0.107's distributions keep private: the scale of a MultivariateNormal and the base of
/// an Independent. Read by reflection (the values themselves, so gradients flow), by the field names of 0.107.
/// </summary>
internal static class DistributionParts
{
    private static readonly FieldInfo ScaleTrilField = Field(typeof(MultivariateNormal), "_unbroadcasted_scale_tril");
    private static readonly FieldInfo BaseField = Field(typeof(Independent), "base_dist");

    private static FieldInfo Field(Type type, string name) =>
        type.GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new MissingFieldException(
            $"{type.FullName} has no field {name}: the helpers' kl_divergence reads it and was written for TorchSharp 0.107");

    public static distributions.Distribution Base(Independent independent) =>
        (distributions.Distribution)BaseField.GetValue(independent)!;

    /// <summary>The distribution as a full Gaussian, or null when it is neither a MultivariateNormal nor Independent(Normal, 1).</summary>
    /// <remarks>The diagonal scale of Independent(Normal, 1) is made in the caller's dispose scope.</remarks>
    public static FullGaussian? FullGaussian(distributions.Distribution distribution) => distribution switch
    {
        MultivariateNormal normal => new(normal.mean, (Tensor)ScaleTrilField.GetValue(normal)!),
        Independent { event_shape.Length: 1 } independent when Base(independent) is Normal normal =>
            new(normal.mean, normal.stddev.diag_embed()),
        _ => null,
    };

    /// <summary>How an error names a distribution: "MultivariateNormal", "Independent(Bernoulli, 1)".</summary>
    public static string Describe(distributions.Distribution distribution) => distribution is Independent independent
        ? $"Independent({Describe(Base(independent))}, {distribution.event_shape.Length - Base(independent).event_shape.Length})"
        : distribution.GetType().Name;
}
