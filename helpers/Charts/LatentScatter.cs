using TorchSharp;

namespace Helpers;

/// <summary>
/// Points of a 2-D latent space coloured by class, with a legend: one WebGL (scattergl) trace per class,
/// so tens of thousands of points stay responsive. Coordinates keep 4 significant digits.
/// </summary>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class LatentScatter : Chart
{
    private readonly double[] xs;
    private readonly double[] ys;
    private readonly long[] labels;
    private readonly IReadOnlyList<string>? classNames;

    /// <param name="points"><c>[N, 2]</c>, e.g. the latent means of the test images.</param>
    /// <param name="labels"><c>[N]</c> integer class of each point.</param>
    /// <param name="classNames">Legend names by class index; the index itself when absent.</param>
    /// <param name="title">Chart title (none by default).</param>
    /// <param name="xTitle">Horizontal axis title.</param>
    /// <param name="yTitle">Vertical axis title.</param>
    public LatentScatter(torch.Tensor points, torch.Tensor labels, IReadOnlyList<string>? classNames = null,
                         string title = "", string xTitle = "z[0]", string yTitle = "z[1]")
        : base(title, xTitle, yTitle)
    {
        if (points.ndim != 2 || points.shape[1] != 2)
            throw new ArgumentException($"points must have shape [N, 2], got [{string.Join(", ", points.shape)}]", nameof(points));
        this.labels = LabelNames.Read(labels, points.shape[0], nameof(labels));
        using var scope = torch.NewDisposeScope();
        var xy = points.detach().cpu().to(torch.float64).contiguous().data<double>().ToArray();
        xs = new double[xy.Length / 2];
        ys = new double[xy.Length / 2];
        for (var i = 0; i < xs.Length; i++) (xs[i], ys[i]) = (xy[2 * i], xy[2 * i + 1]);
        this.classNames = classNames;
    }

    public int Count => xs.Length;

    /// <summary>The classes present, in ascending order: one trace each.</summary>
    public IReadOnlyList<long> Classes => labels.Distinct().Order().ToArray();

    private protected override int Digits => 4;

    // Markers are drawn small so that thousands of points stay readable; the legend shows them larger.
    private protected override string LegendItemSizing => "constant";

    private protected override IEnumerable<object> Traces() =>
        Classes.Select(label =>
        {
            var members = Enumerable.Range(0, labels.Length).Where(i => labels[i] == label).ToArray();
            return (object)new
            {
                type = "scattergl",
                mode = "markers",
                name = Name(label),
                x = members.Select(i => xs[i]).ToArray(),
                y = members.Select(i => ys[i]).ToArray(),
                marker = new { color = Charts.Colour(label), size = 4, opacity = 0.7 },
            };
        });

    private string Name(long label) => LabelNames.Of(label, classNames);

    public override string ToString() =>
        $"LatentScatter: {Count} points in {Classes.Count} classes ({string.Join(", ", Classes.Select(Name))})";
}
