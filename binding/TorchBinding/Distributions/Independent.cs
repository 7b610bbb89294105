namespace TorchSharp.Modules;

/// <summary>
/// Treats the rightmost <c>reinterpreted_batch_ndims</c> batch dimensions of a distribution as event
/// dimensions: log_prob and entropy sum over them (e.g. 784 Bernoulli pixels as one image). It owns the
/// base distribution and disposes it.
/// </summary>
public sealed class Independent : torch.distributions.Distribution
{
    internal Independent(torch.distributions.Distribution base_distribution, int reinterpreted_batch_ndims)
    {
        ArgumentNullException.ThrowIfNull(base_distribution);
        var batch = base_distribution.batch_shape;
        if (reinterpreted_batch_ndims < 0 || reinterpreted_batch_ndims > batch.Length)
            throw new ArgumentOutOfRangeException(nameof(reinterpreted_batch_ndims), reinterpreted_batch_ndims,
                $"must be between 0 and the {batch.Length} batch dimensions of {base_distribution.GetType().Name} (batch shape {torch.Tensor.ShapeString(batch)})");
        base_dist = Own(base_distribution);
        this.reinterpreted_batch_ndims = reinterpreted_batch_ndims;
        batch_shape = batch[..^reinterpreted_batch_ndims];
        event_shape = [.. batch[^reinterpreted_batch_ndims..], .. base_distribution.event_shape];
    }

    public torch.distributions.Distribution base_dist { get; }

    public int reinterpreted_batch_ndims { get; }

    public override torch.Tensor mean => base_dist.mean;

    public override torch.Tensor mode => base_dist.mode;

    public override torch.Tensor variance => base_dist.variance;

    public override torch.Tensor stddev => base_dist.stddev;

    public override torch.Tensor sample(params long[] sample_shape) => base_dist.sample(sample_shape);

    public override torch.Tensor rsample(params long[] sample_shape) => base_dist.rsample(sample_shape);

    public override torch.Tensor log_prob(torch.Tensor value) => SumReinterpreted(base_dist.log_prob(value));

    public override torch.Tensor entropy() => SumReinterpreted(base_dist.entropy());

    /// <summary>Sums the rightmost reinterpreted dimensions of a per-element result, disposing the input.</summary>
    internal torch.Tensor SumReinterpreted(torch.Tensor perElement)
    {
        if (reinterpreted_batch_ndims == 0) return perElement;
        using (perElement)
            return perElement.sum(Enumerable.Range(1, reinterpreted_batch_ndims).Select(i => (long)-i).ToArray());
    }
}
