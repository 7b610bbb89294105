namespace TorchSharp.Modules;

/// <summary>The normal distribution N(loc, scale²), batched over the broadcast shape of loc and scale.</summary>
public sealed class Normal : torch.distributions.Distribution
{
    private static readonly double HalfLog2Pi = 0.5 * Math.Log(2 * Math.PI);

    internal Normal(torch.Tensor loc, torch.Tensor scale)
    {
        ArgumentNullException.ThrowIfNull(loc);
        ArgumentNullException.ThrowIfNull(scale);
        batch_shape = BroadcastShapes(loc.shape, scale.shape);
        Loc = Own(loc.expand(batch_shape));
        Scale = Own(scale.expand(batch_shape));
    }

    internal torch.Tensor Loc { get; }

    internal torch.Tensor Scale { get; }

    public torch.Tensor loc => Loc.alias();

    public torch.Tensor scale => Scale.alias();

    public override torch.Tensor mean => Loc.alias();

    public override torch.Tensor mode => Loc.alias();

    public override torch.Tensor stddev => Scale.alias();

    public override torch.Tensor variance => Scale.square();

    public override torch.Tensor rsample(params long[] sample_shape) => Scoped(() =>
        Loc + torch.randn(ExtendedShape(sample_shape), Loc.dtype, Loc.device) * Scale);

    public override torch.Tensor log_prob(torch.Tensor value) => Scoped(() =>
        (value - Loc).square() / (Scale.square() * -2) - Scale.log() - HalfLog2Pi);

    public override torch.Tensor entropy() => Scoped(() => Scale.log() + (0.5 + HalfLog2Pi));

    /// <summary>P(X ≤ value).</summary>
    public torch.Tensor cdf(torch.Tensor value) => Scoped(() =>
        ((value - Loc) / (Scale * Math.Sqrt(2))).erf().add(1).mul(0.5));

    /// <summary>The value below which a fraction <paramref name="value"/> of the mass lies.</summary>
    public torch.Tensor icdf(torch.Tensor value) => Scoped(() =>
        Loc + Scale * (value * 2 - 1).erfinv() * Math.Sqrt(2));
}
