namespace Helpers;

/// <summary>
/// Named curves over epochs (train and validation loss, ...). Fill it while training and refresh the
/// output in place: <c>var view = display(chart); ... chart.Add("train", epoch, loss); view.Update(chart);</c>
/// </summary>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class LineChart(string title = "", string xTitle = "epoch", string yTitle = "loss")
    : Chart(title, xTitle, yTitle)
{
    private readonly List<(string Name, List<(double X, double Y)> Points)> series = [];

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

    private protected override int Digits => 6;

    private protected override IEnumerable<object> Traces() =>
        series.Select((s, index) => (object)new
        {
            type = "scatter",
            mode = "lines+markers",
            name = s.Name,
            x = s.Points.Select(p => p.X).ToArray(),
            y = s.Points.Select(p => p.Y).ToArray(),
            line = new { color = Charts.Colour(index) },
        });

    public override string ToString() =>
        series.Count == 0 ? "LineChart (empty)"
            : "LineChart: " + string.Join("; ", series.Select(s => $"{s.Name} {s.Points.Count} points, last {s.Points[^1].Y:G6} at {s.Points[^1].X:G6}"));
}
