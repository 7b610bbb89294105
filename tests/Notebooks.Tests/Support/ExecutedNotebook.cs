using System.Text.Json.Nodes;

namespace Notebooks.Tests;

/// <summary>The outputs of a notebook the runner executed, read from the .ipynb it wrote.</summary>
public sealed class ExecutedNotebook(string path)
{
    private readonly JsonNode root = JsonNode.Parse(File.ReadAllText(path))
                                     ?? throw new InvalidDataException($"{path} is empty");

    public string Path { get; } = path;

    private IEnumerable<JsonObject> Outputs =>
        root["cells"]!.AsArray().OfType<JsonObject>()
            .SelectMany(cell => cell["outputs"]?.AsArray().OfType<JsonObject>() ?? []);

    /// <summary>"cell N: message" for each error output.</summary>
    public IReadOnlyList<string> Errors =>
        root["cells"]!.AsArray().OfType<JsonObject>()
            .SelectMany((cell, index) => (cell["outputs"]?.AsArray().OfType<JsonObject>() ?? [])
                .Where(output => (string?)output["output_type"] == "error")
                .Select(output => $"cell {index + 1}: {(string?)output["evalue"]}"))
            .ToList();

    /// <summary>The text/plain of every output (and the text of every stream), in order.</summary>
    public IReadOnlyList<string> PlainTexts => Texts(output => output["data"]?["text/plain"] ?? output["text"]);

    /// <summary>The text/html of every output that has one, in order.</summary>
    public IReadOnlyList<string> Htmls => Texts(output => output["data"]?["text/html"]);

    private List<string> Texts(Func<JsonObject, JsonNode?> select) =>
        Outputs.Select(select)
            .Where(text => text is not null)
            .Select(text => text is JsonArray lines ? string.Concat(lines.Select(line => (string?)line)) : (string?)text ?? "")
            .ToList();

    /// <summary>How many outputs carry data of <paramref name="mimeType"/>.</summary>
    public int Count(string mimeType) => Outputs.Count(output => output["data"]?[mimeType] is not null);
}
