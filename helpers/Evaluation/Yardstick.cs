using TorchSharp;
using static TorchSharp.torch;

namespace Helpers;

/// <summary>
/// The number every chapter ends with, so chapters can be compared: on a test set, the negative ELBO and
/// an importance-weighted estimate of -log p(x) (Burda, Grosse &amp; Salakhutdinov, 2016), both in nats per
/// image, for a Bernoulli decoder over the pixels and the prior p(z) = N(0, I).
/// With k samples z_i ~ q(z|x) and log w_i = log p(x|z_i) + log p(z_i) - log q(z_i|x):
/// <list type="bullet">
/// <item>negative ELBO = -(mean_i log p(x|z_i) - KL(q(z|x) || p(z))), the KL in closed form;</item>
/// <item>IWAE estimate = -(logsumexp_i log w_i - log k), an upper bound on -log p(x) that tightens as k grows.</item>
/// </list>
/// On grey-level pixels the "log p(x|z)" is a cross-entropy, not the log-likelihood of binary data.
/// The decoder sees at most <c>decodeBatch</c> codes per call, however many a batch of images draws: a
/// notebook's cells run on a worker thread of the kernel, whose glibc arena serves blocks of up to 64 MiB from
/// its heaps and maps (and unmaps) anything larger afresh on every call. A convolutional decoder on 1,000 codes
/// makes such blocks; the chapter 03 yardstick took 21-24 s per model that way on a worker thread, against
/// 1.7-3.9 s on the main thread or with 250 codes per call.
/// </summary>
public static class Yardstick
{
    /// <summary>For an encoder that returns the mean and log-variance of a diagonal Gaussian q(z|x).</summary>
    /// <param name="encode">Maps a batch of images to (mu, logVar), each <c>[B, latentDim]</c>.</param>
    /// <param name="decode">Maps codes <c>[M, latentDim]</c> to one value per pixel, <c>[M, ...]</c>.</param>
    /// <param name="images">Test images in the shape the encoder takes, values in [0, 1].</param>
    /// <param name="samples">k, the number of codes drawn per image.</param>
    /// <param name="batchSize">Images per batch (each batch decodes k times as many codes).</param>
    /// <param name="output">Whether <paramref name="decode"/> returns probabilities or logits.</param>
    /// <param name="seed">Seeds torch's generator first, so the estimate does not depend on what ran before.</param>
    /// <param name="decodeBatch">The most codes <paramref name="decode"/> is given at once.</param>
    public static YardstickResult Evaluate(Func<Tensor, (Tensor mu, Tensor logVar)> encode, Func<Tensor, Tensor> decode,
                                           Tensor images, int samples = 100, int batchSize = 100,
                                           DecoderOutput output = DecoderOutput.Probabilities, long seed = 0,
                                           int decodeBatch = DefaultDecodeBatch) =>
        Evaluate(x =>
        {
            var (mu, logVar) = encode(x);
            return distributions.Independent(distributions.Normal(mu, (logVar * 0.5).exp()), 1);
        }, decode, images, samples, batchSize, output, seed, decodeBatch);

    /// <summary>Codes per decoder call unless told otherwise: 256 conv-decoder images of 28 x 28 x 32 floats are 26 MB.</summary>
    public const int DefaultDecodeBatch = 256;

    /// <summary>For any posterior q(z|x) with a vector event (e.g. a full-covariance Gaussian).</summary>
    /// <param name="posterior">Maps a batch of images to q(z|x), batch shape <c>[B]</c>, event shape <c>[latentDim]</c>.</param>
    /// <param name="decode">Maps codes <c>[M, latentDim]</c> to one value per pixel, <c>[M, ...]</c>.</param>
    /// <param name="images">Test images in the shape the encoder takes, values in [0, 1].</param>
    /// <param name="samples">k, the number of codes drawn per image.</param>
    /// <param name="batchSize">Images per batch (each batch decodes k times as many codes).</param>
    /// <param name="output">Whether <paramref name="decode"/> returns probabilities or logits.</param>
    /// <param name="seed">Seeds torch's generator first, so the estimate does not depend on what ran before.</param>
    /// <param name="decodeBatch">The most codes <paramref name="decode"/> is given at once.</param>
    public static YardstickResult Evaluate(Func<Tensor, distributions.Distribution> posterior, Func<Tensor, Tensor> decode,
                                           Tensor images, int samples = 100, int batchSize = 100,
                                           DecoderOutput output = DecoderOutput.Probabilities, long seed = 0,
                                           int decodeBatch = DefaultDecodeBatch)
    {
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, "samples (k) must be at least 1");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1");
        if (decodeBatch < 1) throw new ArgumentOutOfRangeException(nameof(decodeBatch), decodeBatch, "decodeBatch (codes per decoder call) must be at least 1");
        if (images.ndim < 2 || images.shape[0] == 0)
            throw new ArgumentException($"images must have shape [N, ...] with N > 0, got [{string.Join(", ", images.shape)}]", nameof(images));

        manual_seed(seed);
        using var noGrad = no_grad();
        var count = images.shape[0];
        double elboSum = 0, iwaeSum = 0;
        for (long start = 0; start < count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var x = images.narrow(0, start, Math.Min(batchSize, count - start));
            var (elbo, iwae) = Bounds(posterior, decode, x, samples, output, decodeBatch);
            elboSum += elbo.sum().item<double>();
            iwaeSum += iwae.sum().item<double>();
        }
        return new YardstickResult(-elboSum / count, -iwaeSum / count, samples, count);
    }

    /// <summary>The ELBO and the IWAE bound of each image of one batch, in float64.</summary>
    private static (Tensor elbo, Tensor iwae) Bounds(Func<Tensor, distributions.Distribution> posterior, Func<Tensor, Tensor> decode,
                                                     Tensor x, int samples, DecoderOutput output, int decodeBatch)
    {
        var batch = x.shape[0];
        using var q = posterior(x);
        var z = q.sample(samples);                                        // [k, B, D]
        if (z.ndim != 3) throw new ArgumentException($"the posterior must have batch shape [B] and a vector event; its samples have shape [{string.Join(", ", z.shape)}]", nameof(posterior));
        var latentDim = z.shape[2];
        using var prior = distributions.Independent(distributions.Normal(zeros_like(z[0]), ones_like(z[0])), 1);
        var decoded = InSlices(decode, z.reshape(samples * batch, latentDim), decodeBatch).reshape(samples, batch, -1);
        var target = x.reshape(1, batch, -1).expand(decoded.shape);
        // Probabilities: the helpers' vectorised terms, libtorch's binary_cross_entropy negated (which takes its
        // logarithms one element at a time).
        var logLikelihoods = output == DecoderOutput.Logits
            ? nn.functional.binary_cross_entropy_with_logits(decoded, target, reduction: nn.Reduction.None).neg_()
            : Losses.LogLikelihoods(decoded, target);
        var logLikelihood = logLikelihoods.sum(-1).to(float64);          // [k, B]
        var logWeights = logLikelihood + prior.log_prob(z).to(float64) - q.log_prob(z).to(float64);
        var elbo = logLikelihood.mean([0]) - distributions.kl_divergence(q, prior).to(float64);
        var iwae = logWeights.logsumexp(0) - Math.Log(samples);
        return (elbo, iwae);
    }

    /// <summary><paramref name="decode"/> of <paramref name="codes"/>, at most <paramref name="most"/> rows per call.</summary>
    private static Tensor InSlices(Func<Tensor, Tensor> decode, Tensor codes, int most)
    {
        var count = codes.shape[0];
        if (count <= most) return decode(codes);
        var parts = new List<Tensor>();
        for (long start = 0; start < count; start += most)
            parts.Add(decode(codes.narrow(0, start, Math.Min(most, count - start))));
        var joined = cat(parts, 0);
        foreach (var part in parts) part.Dispose();
        return joined;
    }
}
