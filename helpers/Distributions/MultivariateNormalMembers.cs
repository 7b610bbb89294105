using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Helpers;

/// <summary>
/// The parameters PyTorch's MultivariateNormal shows and TorchSharp 0.107's keeps private, as properties of it
/// (C# 14 extension members): with <c>using Helpers;</c> a notebook reads <c>q.scale_tril</c> and
/// <c>q.covariance_matrix</c> as in PyTorch. Each get returns a new tensor, differentiable in the distribution's
/// parameters, with the distribution's batch shape.
/// </summary>
public static class MultivariateNormalMembers
{
    extension(MultivariateNormal normal)
    {
        /// <summary>The lower-triangular L with covariance L Lᵀ, shape batch_shape + [D, D].</summary>
        public Tensor scale_tril => WrappedTensorDisposeScope(() => Full(normal).ScaleTril.expand(Shape(normal)));

        /// <summary>The covariance L Lᵀ, shape batch_shape + [D, D].</summary>
        public Tensor covariance_matrix => WrappedTensorDisposeScope(() =>
        {
            var scale = Full(normal).ScaleTril;
            return scale.matmul(scale.transpose(-2, -1)).expand(Shape(normal));
        });
    }

    private static FullGaussian Full(MultivariateNormal normal) => DistributionParts.FullGaussian(normal)!;

    private static long[] Shape(MultivariateNormal normal) => [.. normal.batch_shape, .. normal.event_shape, .. normal.event_shape];
}
