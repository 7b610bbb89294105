using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Helpers;

/// <summary>
/// What a training run recorded: named series of one value per epoch ("train", "test", ...). It shows
/// itself as loss curves, and it is saved beside a checkpoint so the curves survive a later load.
/// </summary>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class History : Figure
{
    private readonly LineChart chart;

    /// <param name="title">Title of the chart.</param>
    /// <param name="yTitle">What the values are, e.g. "loss (nats per image)".</param>
    public History(string title = "", string yTitle = "loss") => chart = new LineChart(title, "epoch", yTitle);

    public string Title => chart.Title;

    public string YTitle => chart.YTitle;

    /// <summary>Wall-clock seconds the training took (kept when the history is saved and loaded).</summary>
    public double TrainingSeconds { get; internal set; }

    /// <summary>The checkpoint this history was loaded from; null when it was just trained.</summary>
    public string? LoadedFrom { get; internal set; }

    /// <summary>Records <paramref name="value"/> for <paramref name="epoch"/> in a series (created on first use).</summary>
    public History Add(string series, int epoch, double value)
    {
        chart.Add(series, epoch, value);
        return this;
    }

    /// <summary>The series names, in the order they first appeared.</summary>
    public IReadOnlyList<string> SeriesNames => chart.SeriesNames;

    /// <summary>The points of one series in the order they were added.</summary>
    public IReadOnlyList<(int Epoch, double Value)> this[string name] =>
        SeriesNames.Contains(name)
            ? chart[name].Select(p => ((int)p.X, p.Y)).ToArray()
            : throw new KeyNotFoundException($"the history has no series \"{name}\"; it has: {string.Join(", ", SeriesNames)}");

    /// <summary>The value a series recorded at <paramref name="epoch"/>, or null when that epoch was not run.</summary>
    public double? At(string name, int epoch) =>
        this[name].Where(p => p.Epoch == epoch).Select(p => (double?)p.Value).FirstOrDefault();

    /// <summary>The curves as an XPlot chart (restyle it with XPlot's API; the history shows it as restyled).</summary>
    public LineChart ToChart() => chart;

    internal override bool DrawsWithPlotly => true;

    public override string ToHtml() =>
        chart.ToHtml() + $"<p style=\"font: 12px sans-serif; color: #555;\">{System.Net.WebUtility.HtmlEncode(Origin)}</p>";

    private string Origin => LoadedFrom is null
        ? $"Trained in {Seconds(TrainingSeconds)}."
        : $"Loaded from {LoadedFrom} (training took {Seconds(TrainingSeconds)} when it ran).";

    private static string Seconds(double seconds) => seconds.ToString("F0", CultureInfo.InvariantCulture) + " s";

    public override string ToString() =>
        SeriesNames.Count == 0 ? "History (empty)"
            : "History: " + string.Join("; ", SeriesNames.Select(name => $"{name} {this[name][^1].Value:G6} at epoch {this[name][^1].Epoch}")) + ". " + Origin;

    /// <summary>Writes the history as JSON (atomically), with <paramref name="parameters"/> for whoever reads the file.</summary>
    public void Save(string path, JsonNode? parameters = null)
    {
        var json = new JsonObject
        {
            ["title"] = Title,
            ["yTitle"] = YTitle,
            ["trainingSeconds"] = TrainingSeconds,
            ["parameters"] = parameters?.DeepClone(),
            ["series"] = new JsonObject(SeriesNames.Select(name => KeyValuePair.Create<string, JsonNode?>(name,
                new JsonArray(this[name].Select(p => (JsonNode)new JsonArray(p.Epoch, p.Value)).ToArray())))),
        };
        AtomicFile.Write(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Reads a history written by <see cref="Save"/>; the error names the file and what is wrong.</summary>
    public static History Load(string path)
    {
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(path)) ?? throw new FormatException("the file is empty");
            var history = new History((string?)json["title"] ?? "", (string?)json["yTitle"] ?? "loss")
            {
                TrainingSeconds = (double?)json["trainingSeconds"] ?? 0,
            };
            foreach (var (name, points) in json["series"]?.AsObject() ?? [])
                foreach (var point in points?.AsArray() ?? [])
                {
                    if (point is not JsonArray { Count: 2 } pair) throw new FormatException($"series \"{name}\" holds {point?.ToJsonString()}, expected [epoch, value]");
                    history.Add(name, (int)pair[0]!, (double)pair[1]!);
                }
            return history;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path} is not a training history written by History.Save: {e.Message}", e);
        }
    }
}
