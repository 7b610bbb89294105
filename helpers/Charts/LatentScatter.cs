using TorchSharp;
using XPlot.Plotly;

namespace Helpers;

/// <summary>
/// Points of a 2-D latent space coloured by class, as an XPlot chart: one WebGL (scattergl) trace per class, so tens
/// of thousands of points stay responsive and a click on the legend hides or shows a class. Coordinates keep 4
/// significant digits. Restyle it with XPlot's own API (<c>WithLayout</c>, <c>WithHeight</c>, ...).
/// </summary>
public sealed class LatentScatter : PlotlyChart
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
    {
        if (points.ndim != 2 || points.shape[1] != 2)
            throw new ArgumentException($"points must have shape [N, 2], got [{string.Join(", ", points.shape)}]", nameof(points));
        this.labels = LabelNames.Read(labels, points.shape[0], nameof(labels));
        using (var scope = torch.NewDisposeScope())
        {
            var xy = points.detach().cpu().to(torch.float64).contiguous().data<double>().ToArray();
            xs = new double[xy.Length / 2];
            ys = new double[xy.Length / 2];
            for (var i = 0; i < xs.Length; i++) (xs[i], ys[i]) = (xy[2 * i], xy[2 * i + 1]);
        }
        this.classNames = classNames;
        (XRange, YRange) = (ChartLayout.Padded(xs), ChartLayout.Padded(ys));
        Plot(Classes.Select(Trace).ToArray(), ChartLayout.Of(title, xTitle, yTitle, XRange, YRange), null);
        Height = ChartLayout.Height;
    }

    public int Count => xs.Length;

    /// <summary>The range of the horizontal axis: the points' extent and 5% on each side.</summary>
    public (double Min, double Max) XRange { get; }

    /// <summary>The range of the vertical axis: the points' extent and 5% on each side.</summary>
    public (double Min, double Max) YRange { get; }

    /// <summary>The classes present, in ascending order: one trace each.</summary>
    public IReadOnlyList<long> Classes => labels.Distinct().Order().ToArray();

    /// <summary>The indices of the points of one class, in the order of <c>points</c>: the point numbers of its trace.</summary>
    public IReadOnlyList<int> Members(long label) => Enumerable.Range(0, labels.Length).Where(i => labels[i] == label).ToArray();

    // Markers are small so that thousands of points stay readable.
    private Trace Trace(long label)
    {
        var members = Members(label);
        return new Scattergl
        {
            name = Name(label),
            mode = "markers",
            x = members.Select(i => ChartLayout.Round(xs[i], 4)).ToArray(),
            y = members.Select(i => ChartLayout.Round(ys[i], 4)).ToArray(),
            marker = new Marker { color = Charts.Colour(label), size = 4, opacity = 0.7 },
        };
    }

    private string Name(long label) => LabelNames.Of(label, classNames);

    public override string ToString() =>
        $"LatentScatter: {Count} points in {Classes.Count} classes ({string.Join(", ", Classes.Select(Name))})";
}
