using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner.Notebooks;

/// <summary>Reads and writes .ipynb files; every failure names the file and what was wrong.</summary>
internal static class NotebookFile
{
    public static Notebook Load(string path)
    {
        if (!File.Exists(path))
            throw new NotebookFormatException(path, "file not found");
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path),
                documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException error)
        {
            // JsonException counts lines and bytes from zero; editors count from one.
            var where = error.LineNumber is long line
                ? $"line {line + 1}, position {error.BytePositionInLine + 1}"
                : "unknown position";
            throw new NotebookFormatException(path, $"invalid JSON at {where}: {FirstSentence(error.Message)}");
        }
        return Validate(path, root);
    }

    /// <summary>Saves the notebook in VS Code's layout, atomically, so a reader never sees half a file.</summary>
    public static void Save(Notebook notebook, string path) =>
        AtomicFile.WriteAllText(path, JsonText.Serialize(notebook.Root));

    private static Notebook Validate(string path, JsonNode? root)
    {
        if (root is not JsonObject obj)
            throw new NotebookFormatException(path, "expected a JSON object at the top level");
        if (obj["cells"] is not JsonArray cells)
            throw new NotebookFormatException(path, "expected a \"cells\" array");
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell || cell["cell_type"] is not JsonValue type
                || !type.TryGetValue(out string? _))
                throw new NotebookFormatException(path, $"cell {i} has no \"cell_type\" string");
            if (cell["source"] is not (JsonValue or JsonArray or null))
                throw new NotebookFormatException(path, $"cell {i} has a \"source\" that is neither a string nor a list of lines");
        }
        return new Notebook(path, obj);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}

internal sealed class NotebookFormatException(string path, string problem)
    : Exception($"{path}: {problem}")
{
    public string NotebookPath { get; } = path;
}
