using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;

namespace Helpers;

/// <summary>
/// What a training run recorded: named series of one value per epoch ("train", "test", ...). It shows
/// itself as loss curves, <see cref="ToDataFrame"/> gives it as a table, and it is saved beside a checkpoint
/// (that table as CSV) so the curves survive a later load.
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

    /// <summary>
    /// The history as a table: an "epoch" column, then one column per series in the order they appeared, one row per
    /// epoch any series recorded (a series that skipped an epoch has no value there).
    /// </summary>
    public DataFrame ToDataFrame()
    {
        var epochs = SeriesNames.SelectMany(name => this[name].Select(p => p.Epoch)).Distinct().Order().ToList();
        var columns = new List<DataFrameColumn> { new Int32DataFrameColumn(EpochColumn, epochs.Select(e => (int?)e)) };
        foreach (var name in SeriesNames)
        {
            var values = this[name].ToDictionary(p => p.Epoch, p => p.Value);
            columns.Add(new DoubleDataFrameColumn(name, epochs.Select(e => values.TryGetValue(e, out var v) ? v : (double?)null)));
        }
        return new DataFrame(columns);
    }

    private const string EpochColumn = "epoch";

    /// <summary>
    /// Writes the history (atomically, each file to a temporary name then renamed): the table (<see cref="ToDataFrame"/>)
    /// as CSV to <paramref name="csvPath"/>, and its title, y title, training time and <paramref name="parameters"/> to
    /// the JSON file beside it (<c>x.history.csv</c>: <c>x.history.json</c>).
    /// </summary>
    public void Save(string csvPath, JsonNode? parameters = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(csvPath);
        using var csv = new MemoryStream();
        DataFrame.SaveCsv(ToDataFrame(), csv, cultureInfo: CultureInfo.InvariantCulture);
        AtomicFile.Write(csvPath, csv.ToArray());
        var json = new JsonObject
        {
            ["title"] = Title,
            ["yTitle"] = YTitle,
            ["trainingSeconds"] = TrainingSeconds,
            ["parameters"] = parameters?.DeepClone(),
            ["table"] = Path.GetFileName(csvPath),
        };
        AtomicFile.Write(DescriptionPath(csvPath), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>The JSON file that goes with a history's CSV file: the same name with .json for .csv.</summary>
    internal static string DescriptionPath(string csvPath) => Path.ChangeExtension(csvPath, ".json");

    /// <summary>
    /// Reads a history written by <see cref="Save"/>: the CSV file (an "epoch" column of whole numbers, then one column of
    /// numbers per series) and, when it is there, the JSON file beside it. The error names the file and what is wrong.
    /// </summary>
    public static History Load(string csvPath)
    {
        var description = File.Exists(DescriptionPath(csvPath)) ? ReadJson(DescriptionPath(csvPath)) : new JsonObject();
        var history = Described(description, DescriptionPath(csvPath));
        DataFrame table;
        try
        {
            var header = File.ReadLines(csvPath).FirstOrDefault() ?? throw new FormatException("the file is empty");
            using var stream = File.OpenRead(csvPath);
            table = DataFrame.LoadCsv(stream, dataTypes: [typeof(int), .. Enumerable.Repeat(typeof(double), FieldCount(header) - 1)],
                                      cultureInfo: CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"{csvPath} is not a training history written by History.Save (expected a header \"epoch,series,...\" and rows of numbers): {e.Message}", e);
        }
        if (table.Columns.Count == 0 || table.Columns[0].Name != EpochColumn)
            throw new InvalidDataException($"{csvPath} is not a training history written by History.Save: its first column is \"{(table.Columns.Count > 0 ? table.Columns[0].Name : "")}\", expected \"{EpochColumn}\"");
        for (var r = 0L; r < table.Rows.Count; r++)
        {
            if (table.Columns[0][r] is not int epoch) throw new InvalidDataException($"{csvPath}: row {r + 1} has no epoch");
            foreach (var series in table.Columns.Skip(1))
                if (series[r] is double value) history.Add(series.Name, epoch, value);
        }
        return history;
    }

    /// <summary>How many fields a CSV line has: its commas outside quotes, plus one.</summary>
    private static int FieldCount(string line)
    {
        var (quoted, fields) = (false, 1);
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) fields++;
        }
        return fields;
    }

    /// <summary>
    /// Reads a history in the format checkpoints had before histories were tables (one JSON file holding the series as
    /// [epoch, value] pairs), so that a checkpoint trained then still loads.
    /// </summary>
    internal static History LoadJson(string path)
    {
        var json = ReadJson(path);
        var history = Described(json, path);
        try
        {
            if (json["series"] is not JsonObject series)
                throw new FormatException("it has no \"series\" (a history saved since histories are tables keeps them in the CSV file beside it)");
            foreach (var (name, points) in series)
                foreach (var point in points?.AsArray() ?? [])
                {
                    if (point is not JsonArray { Count: 2 } pair) throw new FormatException($"series \"{name}\" holds {point?.ToJsonString()}, expected [epoch, value]");
                    history.Add(name, (int)pair[0]!, (double)pair[1]!);
                }
            return history;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path} is not a training history: {e.Message}", e);
        }
    }

    private static JsonObject ReadJson(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new FormatException("expected a JSON object");
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new InvalidDataException($"{path} is not a training history's description: {e.Message}", e);
        }
    }

    /// <summary>An empty history with the title, y title and training time a description gives.</summary>
    private static History Described(JsonObject json, string path)
    {
        try
        {
            return new History((string?)json["title"] ?? "", (string?)json["yTitle"] ?? "loss") { TrainingSeconds = (double?)json["trainingSeconds"] ?? 0 };
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path} is not a training history's description: {e.Message}", e);
        }
    }
}
