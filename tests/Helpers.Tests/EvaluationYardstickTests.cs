namespace Helpers.Tests;

/// <summary>
/// Cases where -log p(x) is known exactly. With a decoder that ignores z, log p(x|z) is a constant c, so
/// -log p(x) = -c and -ELBO = -c + KL(q || p); with q = p both bounds are exact for every k. With one pixel
/// whose logit is z and z ~ N(0, 1), p(x = 1) = E[sigmoid(z)] = 1/2 by symmetry.
/// </summary>
[Collection(nameof(GlobalState))]
public class EvaluationYardstickTests
{
    // Four pixels, decoded to 0.8 whatever the code: c = 3 log 0.8 + log 0.2 for the image 1, 0, 1, 1.
    private static readonly double ExactNll = -(3 * Math.Log(0.8) + Math.Log(0.2));

    private static Tensor Images(int count) => tensor(new float[] { 1, 0, 1, 1 }).repeat(count, 1);

    private static Func<Tensor, Tensor> ConstantDecoder => z => full([z.shape[0], 4], 0.8f);

    private static Func<Tensor, (Tensor mu, Tensor logVar)> Encoder(float mu, float logVar) =>
        x => (full([x.shape[0], 1], mu), full([x.shape[0], 1], logVar));

    [Fact]
    public void When_q_is_the_prior_and_the_decoder_ignores_z_both_bounds_are_exact()
    {
        using var images = Images(10);

        var result = Yardstick.Evaluate(Encoder(0, 0), ConstantDecoder, images, samples: 5, batchSize: 3);

        Assert.Equal(ExactNll, result.NegativeElbo, 4);
        Assert.Equal(ExactNll, result.IwaeNll, 4);
        Assert.Equal(10, result.Images);
    }

    [Fact]
    public void The_elbo_pays_the_kl_and_the_iwae_estimate_falls_from_it_towards_the_truth_as_k_grows()
    {
        // q = N(1, 1): the weights p(z)/q(z) = exp(1/2 - z) have a finite variance (e - 1), so k samples
        // leave a bias of about (e - 1) / 2k nats.
        using var images = Images(4000);
        var (mu, variance) = (1.0, 1.0);
        var kl = 0.5 * (variance + mu * mu - 1 - Math.Log(variance));
        var encode = Encoder((float)mu, (float)Math.Log(variance));

        var estimates = new[] { 1, 10, 100, 1000 }
            .Select(k => Yardstick.Evaluate(encode, ConstantDecoder, images, samples: k, batchSize: 1000, seed: 1))
            .ToArray();

        Assert.All(estimates, e => Assert.Equal(ExactNll + kl, e.NegativeElbo, 4));
        // k = 1 is the ELBO estimated by sampling: equal in expectation (standard error here about 0.016).
        Assert.InRange(estimates[0].IwaeNll, ExactNll + kl - 0.08, ExactNll + kl + 0.08);
        for (var i = 1; i < estimates.Length - 1; i++)
            Assert.True(estimates[i].IwaeNll < estimates[i - 1].IwaeNll, $"k = {estimates[i].Samples} should beat k = {estimates[i - 1].Samples}");
        Assert.InRange(estimates[^1].IwaeNll, ExactNll - 0.01, ExactNll + 0.02);
    }

    [Fact]
    public void With_logits_and_probabilities_alike_a_pixel_with_logit_z_has_probability_one_half()
    {
        using var images = ones(200, 1);
        var encode = Encoder(0, 0);

        var fromLogits = Yardstick.Evaluate(encode, z => z.clone(), images, samples: 2000, output: DecoderOutput.Logits);
        var fromProbabilities = Yardstick.Evaluate(encode, z => z.sigmoid(), images, samples: 2000);

        Assert.InRange(fromLogits.IwaeNll, Math.Log(2) - 0.01, Math.Log(2) + 0.01);
        Assert.Equal(fromLogits.IwaeNll, fromProbabilities.IwaeNll, 4);
        // -ELBO = E[softplus(-z)] for z ~ N(0, 1), about 0.8061 (numerical integration).
        Assert.InRange(fromLogits.NegativeElbo, 0.80, 0.815);
        Assert.True(fromLogits.NegativeElbo > fromLogits.IwaeNll);
    }

    [Fact]
    public void The_result_shows_itself_as_a_table_in_nats_per_image()
    {
        var result = new YardstickResult(101.234, 95.5, 50, 1000);

        var html = result.ToHtml();
        var table = result.ToDataFrame();

        Assert.Equal(["measure", "nats per image"], DataFrameTests.Cells(html, "th"));
        Assert.Equal(["negative ELBO", "101.23", "-log p(x), IWAE estimate with k = 50", "95.50", "gap (how loose the ELBO is)", "5.73"],
                     DataFrameTests.Cells(html, "td"));
        Assert.Equal(101.234, table["nats per image"][0]);
    }

    [Fact]
    public void The_decoder_gets_at_most_decodeBatch_codes_per_call_and_the_result_does_not_change()
    {
        // A decoder that depends on z, so that codes sliced in the wrong order would change the bounds.
        using var images = Images(30);
        var encode = Encoder(0.5f, -1);
        var calls = new List<long>();
        Func<Tensor, Tensor> decode = z =>
        {
            calls.Add(z.shape[0]);
            return z.sigmoid().expand(z.shape[0], 4).contiguous();
        };

        var whole = Yardstick.Evaluate(encode, decode, images, samples: 7, batchSize: 20, seed: 3, decodeBatch: int.MaxValue);
        Assert.Equal([140L, 70L], calls);
        calls.Clear();
        var sliced = Yardstick.Evaluate(encode, decode, images, samples: 7, batchSize: 20, seed: 3, decodeBatch: 32);

        Assert.Equal([32L, 32L, 32L, 32L, 12L, 32L, 32L, 6L], calls);
        Assert.Equal(whole.NegativeElbo, sliced.NegativeElbo, 12);
        Assert.Equal(whole.IwaeNll, sliced.IwaeNll, 12);
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        using var images = Images(2);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Yardstick.Evaluate(Encoder(0, 0), ConstantDecoder, images, samples: 0));
        var slices = Assert.Throws<ArgumentOutOfRangeException>(() => Yardstick.Evaluate(Encoder(0, 0), ConstantDecoder, images, decodeBatch: 0));

        Assert.Equal("samples", error.ParamName);
        Assert.Equal("decodeBatch", slices.ParamName);
    }
}
