using System.Globalization;
using Microsoft.Data.Analysis;

namespace Helpers;

/// <summary>What <see cref="Yardstick"/> measured on a test set; shows itself as a small table.</summary>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class YardstickResult(double negativeElbo, double iwaeNll, int samples, long images) : Figure
{
    /// <summary>-ELBO in nats per image (lower is better).</summary>
    public double NegativeElbo { get; } = negativeElbo;

    /// <summary>The importance-weighted estimate of -log p(x) in nats per image: at most <see cref="NegativeElbo"/> in expectation.</summary>
    public double IwaeNll { get; } = iwaeNll;

    /// <summary>k, the codes drawn per image.</summary>
    public int Samples { get; } = samples;

    /// <summary>How many test images were measured.</summary>
    public long Images { get; } = images;

    /// <summary>The three numbers as a table: the measure, and its value in nats per image.</summary>
    public DataFrame ToDataFrame() => new[]
    {
        ("negative ELBO", NegativeElbo),
        ($"-log p(x), IWAE estimate with k = {Samples}", IwaeNll),
        ("gap (how loose the ELBO is)", NegativeElbo - IwaeNll),
    }.ToDataFrame("measure", "nats per image");

    private static string Number(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    public override string ToHtml() =>
        DataFrames.ToHtml(ToDataFrame()) +
        $"<p style=\"font: 12px sans-serif; color: #555;\">On {Images} test images.</p>";

    public override string ToString() =>
        $"-ELBO {Number(NegativeElbo)}, -log p(x) <= {Number(IwaeNll)} (IWAE, k = {Samples}) nats per image on {Images} test images";
}
