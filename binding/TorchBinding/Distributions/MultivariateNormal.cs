namespace TorchSharp.Modules;

/// <summary>
/// The multivariate normal N(loc, L·Lᵀ), parameterised by exactly one of a covariance matrix, a precision
/// matrix or a lower-triangular scale L with a positive diagonal (kept internally as L).
/// </summary>
public sealed class MultivariateNormal : torch.distributions.Distribution
{
    private static readonly double Log2Pi = Math.Log(2 * Math.PI);

    internal MultivariateNormal(torch.Tensor loc, torch.Tensor? covariance_matrix, torch.Tensor? precision_matrix,
                                torch.Tensor? scale_tril)
    {
        ArgumentNullException.ThrowIfNull(loc);
        if (loc.ndim < 1)
            throw new ArgumentException("loc must have at least one dimension (the event dimension)", nameof(loc));
        var given = new[] { covariance_matrix, precision_matrix, scale_tril }.Count(m => m is not null);
        if (given != 1)
            throw new ArgumentException($"MultivariateNormal needs exactly one of covariance_matrix, precision_matrix or scale_tril (got {given})");
        var (matrix, name) = scale_tril is not null ? (scale_tril, nameof(scale_tril))
            : covariance_matrix is not null ? (covariance_matrix, nameof(covariance_matrix))
            : (precision_matrix!, nameof(precision_matrix));
        var locShape = loc.shape;
        var matrixShape = matrix.shape;
        var d = locShape[^1];
        if (matrixShape.Length < 2 || matrixShape[^1] != d || matrixShape[^2] != d)
            throw new ArgumentException($"{name} must have shape [..., {d}, {d}] to match loc of shape {torch.Tensor.ShapeString(locShape)}, but has shape {torch.Tensor.ShapeString(matrixShape)}", name);

        batch_shape = BroadcastShapes(locShape[..^1], matrixShape[..^2]);
        event_shape = [d];
        using var lower = scale_tril is not null ? scale_tril.alias()
            : covariance_matrix is not null ? torch.linalg.cholesky(covariance_matrix)
            : PrecisionToScaleTril(precision_matrix!);
        Loc = Own(loc.expand([.. batch_shape, d]));
        ScaleTril = Own(lower.expand([.. batch_shape, d, d]));
    }

    // Reversing the rows and columns of the Cholesky factor of the reversed P gives an upper-triangular U with
    // P = U Uᵀ; then Σ = P⁻¹ = U⁻ᵀ U⁻¹, so L = U⁻ᵀ, with no explicit inverse of P.
    private static torch.Tensor PrecisionToScaleTril(torch.Tensor precision) => Scoped(() =>
    {
        var factor = torch.linalg.cholesky(precision.flip(-2, -1)).flip(-2, -1);
        var identity = torch.eye(precision.shape[^1], dtype: precision.dtype, device: precision.device);
        return torch.linalg.solve_triangular(factor, identity, upper: true).transpose(-2, -1);
    });

    internal torch.Tensor Loc { get; }

    internal torch.Tensor ScaleTril { get; }

    public torch.Tensor loc => Loc.alias();

    public torch.Tensor scale_tril => ScaleTril.alias();

    public torch.Tensor covariance_matrix => Scoped(() => ScaleTril.matmul(ScaleTril.transpose(-2, -1)));

    public override torch.Tensor mean => Loc.alias();

    public override torch.Tensor mode => Loc.alias();

    /// <summary>The diagonal of the covariance: row sums of L².</summary>
    public override torch.Tensor variance => Scoped(() => ScaleTril.square().sum(-1));

    public override torch.Tensor rsample(params long[] sample_shape) => Scoped(() =>
    {
        var eps = torch.randn(ExtendedShape(sample_shape), Loc.dtype, Loc.device);
        return Loc + ScaleTril.matmul(eps.unsqueeze(-1)).squeeze(-1);
    });

    public override torch.Tensor log_prob(torch.Tensor value) => Scoped(() =>
    {
        var mahalanobis = Mahalanobis(ScaleTril, value - Loc);
        return (mahalanobis + event_shape[0] * Log2Pi) * -0.5 - HalfLogDet(ScaleTril);
    });

    public override torch.Tensor entropy() => Scoped(() =>
        HalfLogDet(ScaleTril) + 0.5 * event_shape[0] * (1 + Log2Pi));

    /// <summary>log |L| = ½ log |Σ| for a triangular L.</summary>
    internal static torch.Tensor HalfLogDet(torch.Tensor scaleTril) => scaleTril.diagonal(0, -2, -1).log().sum(-1);

    /// <summary>|L⁻¹ x|², i.e. xᵀ Σ⁻¹ x, broadcasting x's leading dimensions against L's batch.</summary>
    internal static torch.Tensor Mahalanobis(torch.Tensor scaleTril, torch.Tensor x) =>
        torch.linalg.solve_triangular(scaleTril, x.unsqueeze(-1), upper: false).squeeze(-1).square().sum(-1);
}
