using System.Text.Json.Nodes;

namespace NotebookRunner.Notebooks;

/// <summary>
/// An .ipynb kept as its JSON tree, so metadata the runner does not know about survives a
/// round trip unchanged; the wrappers only give names to the fields the runner uses.
/// </summary>
internal sealed class Notebook(string path, JsonObject root)
{
    /// <summary>The path as the user gave it, for messages.</summary>
    public string Path { get; } = path;

    public JsonObject Root { get; } = root;

    /// <summary>The file name without ".ipynb", e.g. "01-dense-vae"; profiles are keyed by it.</summary>
    public string Stem => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>The notebook's folder as a full path, where its kernel process starts.</summary>
    public string Directory { get; } = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;

    public JsonObject Metadata => Root.GetOrAddObject("metadata");

    private JsonArray CellArray => (JsonArray)Root["cells"]!;

    public IReadOnlyList<Cell> Cells => CellArray.Select(node => new Cell((JsonObject)node!)).ToList();

    public void InsertCell(int index, Cell cell) => CellArray.Insert(index, cell.Json);

    public void RemoveCell(Cell cell) => CellArray.Remove(cell.Json);

    /// <summary>The text of the first markdown H1, which the site index uses as the chapter title.</summary>
    public string? Title =>
        Cells.Where(cell => cell.IsMarkdown)
            .SelectMany(cell => cell.Source.Split('\n'))
            .Where(line => line.StartsWith("# ", StringComparison.Ordinal))
            .Select(line => line[2..].Trim())
            .FirstOrDefault();

    /// <summary>The kernel a code cell without its own kernel metadata falls back to.</summary>
    public string? DefaultKernelName =>
        Root["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>();
}

/// <summary>One cell of a <see cref="Notebook"/>, a view over its JSON object.</summary>
internal sealed class Cell(JsonObject json)
{
    public JsonObject Json { get; } = json;

    public string CellType => Json["cell_type"]!.GetValue<string>();

    public bool IsCode => CellType == "code";

    public bool IsMarkdown => CellType == "markdown";

    public string? Id => Json["id"]?.GetValue<string>();

    /// <summary>The source as one string; stored as a string or a list of lines in the file.</summary>
    public string Source
    {
        get => Json["source"] switch
        {
            JsonArray lines => string.Concat(lines.Select(line => line!.GetValue<string>())),
            JsonValue text => text.GetValue<string>(),
            _ => "",
        };
        set => Json["source"] = JsonText.ToLineArray(value.Replace("\r\n", "\n"));
    }

    /// <summary>The first non-blank source line, used to name a cell in messages.</summary>
    public string FirstLine =>
        Source.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "";

    public JsonObject Metadata => Json.GetOrAddObject("metadata");

    public IReadOnlyList<string> Tags =>
        Json["metadata"]?["tags"] is JsonArray tags
            ? tags.Select(tag => tag?.GetValue<string>() ?? "").ToList()
            : [];

    public JsonArray? Outputs => Json["outputs"] as JsonArray;

    public JsonNode? ExecutionCount => Json["execution_count"];

    /// <summary>Forgets any earlier run: a code cell that does not run again is saved unrun.</summary>
    public void ClearRun()
    {
        Json["outputs"] = new JsonArray();
        Json["execution_count"] = null;
    }

    public void RecordRun(int executionCount, JsonArray outputs)
    {
        Json["outputs"] = outputs;
        Json["execution_count"] = executionCount;
    }

    public static Cell NewCode(string id, string source, params string[] tags)
    {
        var metadata = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
        };
        if (tags.Length > 0)
            metadata["tags"] = new JsonArray(tags.Select(tag => (JsonNode)tag).ToArray());
        var cell = new Cell(new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["id"] = id,
            ["metadata"] = metadata,
            ["outputs"] = new JsonArray(),
        });
        cell.Source = source;
        return cell;
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject GetOrAddObject(this JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing)
            return existing;
        var created = new JsonObject();
        parent[name] = created;
        return created;
    }
}
