using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;

namespace Helpers;

/// <summary>
/// The yardstick results of every chapter run so far, so a chapter can compare itself with the others:
/// <see cref="Record"/> writes one JSON file per chapter to <c>{Folder}/yardstick/</c>, <see cref="Table"/>
/// reads them all. Each record keeps the run's parameters, since a smoke run and a full run differ a lot.
/// </summary>
public static class Scoreboard
{
    /// <summary>Where results live; relative paths are taken from the current directory (a notebook's folder).</summary>
    public static string Folder { get; set; } = "results";

    private static string RecordsFolder => Path.Combine(Folder, "yardstick");

    /// <summary>Records (or replaces) the result of <paramref name="chapter"/>, e.g. "01-dense-vae".</summary>
    /// <param name="chapter">The chapter's name; it is also the file name.</param>
    /// <param name="result">What the yardstick measured.</param>
    /// <param name="parameters">The run's settings shown beside the numbers, e.g. <c>new { epochs, trainSize }</c>.</param>
    public static void Record(string chapter, YardstickResult result, object parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chapter);
        if (chapter.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            throw new ArgumentException($"chapter \"{chapter}\" must be usable as a file name", nameof(chapter));
        var json = new JsonObject
        {
            ["chapter"] = chapter,
            ["negativeElbo"] = result.NegativeElbo,
            ["iwaeNll"] = result.IwaeNll,
            ["samples"] = result.Samples,
            ["images"] = result.Images,
            ["parameters"] = JsonSerializer.SerializeToNode(parameters),
        };
        AtomicFile.Write(Path.Combine(RecordsFolder, chapter + ".json"), json.ToJsonString());
    }

    /// <summary>All recorded results in chapter order, one row each, in nats per image.</summary>
    public static DataFrame Table()
    {
        var files = Directory.Exists(RecordsFolder)
            ? Directory.GetFiles(RecordsFolder, "*.json").Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        return files.Select(Row).ToList().ToDataFrame("chapter", "negative ELBO", "-log p(x) (IWAE)", "k", "test images", "run");
    }

    /// <summary>One record as a row of the table.</summary>
    private sealed record Result(string? Chapter, double NegativeElbo, double IwaeNll, int K, long TestImages, string Run);

    private static Result Row(string path)
    {
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(path)) ?? throw new FormatException("the file is empty");
            return new(
                (string?)json["chapter"],
                Required(json, "negativeElbo").GetValue<double>(),
                Required(json, "iwaeNll").GetValue<double>(),
                Required(json, "samples").GetValue<int>(),
                Required(json, "images").GetValue<long>(),
                string.Join(", ", json["parameters"]?.AsObject().Select(p => $"{p.Key} {p.Value}") ?? []));
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path} is not a yardstick record written by Scoreboard.Record: {e.Message}", e);
        }
    }

    private static JsonNode Required(JsonNode json, string key) =>
        json[key] ?? throw new FormatException($"\"{key}\" is missing");
}
