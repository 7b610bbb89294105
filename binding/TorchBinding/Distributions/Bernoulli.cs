namespace TorchSharp.Modules;

/// <summary>
/// Independent 0/1 variables, given either their probabilities or their log-odds. Densities are computed
/// from the logits, which stays finite for probabilities near 0 and 1.
/// </summary>
public sealed class Bernoulli : torch.distributions.Distribution
{
    private readonly torch.Tensor probabilities;
    private readonly torch.Tensor logOdds;

    internal Bernoulli(torch.Tensor? probs, torch.Tensor? logits)
    {
        if ((probs is null) == (logits is null))
            throw new ArgumentException("Bernoulli needs exactly one of probs or logits");
        if (probs is not null)
        {
            batch_shape = probs.shape;
            probabilities = Own(probs.alias());
            logOdds = Own(ProbsToLogits(probs));
        }
        else
        {
            batch_shape = logits!.shape;
            logOdds = Own(logits.alias());
            probabilities = Own(logits.sigmoid());
        }
    }

    // Clamped to [eps, 1 - eps] with the dtype's machine epsilon, as in PyTorch, so that probabilities of
    // exactly 0 or 1 give large finite logits.
    private static torch.Tensor ProbsToLogits(torch.Tensor probs) => Scoped(() =>
    {
        var eps = probs.dtype == torch.ScalarType.Float64 ? 2.220446049250313e-16 : 1.1920928955078125e-07;
        var p = probs.clamp(eps, 1 - eps);
        return p.log() - (-p).log1p();
    });

    public torch.Tensor probs => probabilities.alias();

    public torch.Tensor logits => logOdds.alias();

    public override torch.Tensor mean => probabilities.alias();

    /// <summary>1 where probs &gt; 0.5, 0 where probs &lt; 0.5 and NaN at exactly 0.5 (as in PyTorch 1.13).</summary>
    public override torch.Tensor mode => Scoped(() =>
        probabilities.gt(0.5).to(probabilities.dtype).masked_fill(probabilities.eq(0.5), double.NaN));

    public override torch.Tensor variance => Scoped(() => probabilities * (1 - probabilities));

    public override torch.Tensor sample(params long[] sample_shape)
    {
        using var noGrad = torch.no_grad();
        return Scoped(() => probabilities.expand(ExtendedShape(sample_shape)).bernoulli());
    }

    // x·l − softplus(l), which is −binary_cross_entropy_with_logits(l, x).
    public override torch.Tensor log_prob(torch.Tensor value) => Scoped(() => value * logOdds - Softplus(logOdds));

    public override torch.Tensor entropy() => Scoped(() => Softplus(logOdds) - probabilities * logOdds);

    // log(1 + e^l) written so that neither branch overflows.
    private static torch.Tensor Softplus(torch.Tensor l) => l.clamp_min(0) + l.abs().neg().exp().log1p();
}
