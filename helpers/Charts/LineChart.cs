using XPlot.Plotly;

namespace Helpers;

/// <summary>
/// Named curves over epochs (train and validation loss, ...) as an XPlot chart: restyle it with XPlot's own API
/// (<c>WithLayout</c>, <c>WithHeight</c>, ...). Fill it while training and redraw the output in place:
/// <c>var view = display(chart); ... chart.Add("train", epoch, loss); view.Update(chart);</c>
/// </summary>
public sealed class LineChart : PlotlyChart
{
    private readonly List<(string Name, List<(double X, double Y)> Points)> series = [];

    /// <param name="title">Chart title (none by default).</param>
    /// <param name="xTitle">Horizontal axis title.</param>
    /// <param name="yTitle">Vertical axis title.</param>
    public LineChart(string title = "", string xTitle = "epoch", string yTitle = "loss")
    {
        // XPlot enumerates the traces when it renders, so this one Plot call shows every point added later, and a
        // layout the author sets with WithLayout stays.
        Plot(Traces(), ChartLayout.Of(title, xTitle, yTitle), null);
        Height = ChartLayout.Height;
        (Title, XTitle, YTitle) = (title, xTitle, yTitle);
    }

    /// <summary>The title the chart was made with.</summary>
    public string Title { get; }

    /// <summary>The horizontal axis title the chart was made with.</summary>
    public string XTitle { get; }

    /// <summary>The vertical axis title the chart was made with.</summary>
    public string YTitle { get; }

    /// <summary>Adds a point to a series (created on first use; series keep the order they first appeared in).</summary>
    public LineChart Add(string series, double x, double y)
    {
        var points = this.series.FirstOrDefault(s => s.Name == series).Points;
        if (points is null) this.series.Add((series, points = []));
        points.Add((x, y));
        return this;
    }

    /// <summary>The series names in order of appearance.</summary>
    public IReadOnlyList<string> SeriesNames => series.Select(s => s.Name).ToArray();

    /// <summary>The points of one series, in the order they were added.</summary>
    public IReadOnlyList<(double X, double Y)> this[string name] =>
        series.FirstOrDefault(s => s.Name == name).Points ?? throw new KeyNotFoundException($"no series named \"{name}\"; have: {string.Join(", ", SeriesNames)}");

    private IEnumerable<Trace> Traces() =>
        series.Select((s, index) => (Trace)new Scatter
        {
            name = s.Name,
            mode = "lines+markers",
            x = s.Points.Select(p => ChartLayout.Round(p.X, 6)).ToArray(),
            y = s.Points.Select(p => ChartLayout.Round(p.Y, 6)).ToArray(),
            line = new Line { color = Charts.Colour(index) },
            marker = new Marker { color = Charts.Colour(index) },
        });

    public override string ToString() =>
        series.Count == 0 ? "LineChart (empty)"
            : "LineChart: " + string.Join("; ", series.Select(s => $"{s.Name} {s.Points.Count} points, last {s.Points[^1].Y:G6} at {s.Points[^1].X:G6}"));
}
