using System.Text.Json.Nodes;

namespace NotebookRunner.Notebooks;

/// <summary>
/// Checks a notebook is fit to commit: no outputs (the rendered tutorials are build products)
/// and the Polyglot metadata VS Code needs to open it with the C# kernel (polyglot.md §1).
/// </summary>
internal static class NotebookChecker
{
    public static IReadOnlyList<string> Problems(Notebook notebook)
    {
        var problems = new List<string>();
        var metadata = notebook.Root["metadata"];
        if (Text(metadata?["kernelspec"]?["name"]) != ".net-csharp")
            problems.Add("metadata.kernelspec.name must be \".net-csharp\"");
        if (metadata?["polyglot_notebook"]?["kernelInfo"] is not JsonObject)
            problems.Add("metadata.polyglot_notebook.kernelInfo is missing");
        var cells = notebook.Cells;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            if (!cell.IsCode)
                continue;
            var name = $"cell {i + 1} ({cell.FirstLine})";
            if (cell.Outputs is { Count: > 0 })
                problems.Add($"{name} has outputs; clear them before committing");
            if (cell.ExecutionCount is not null)
                problems.Add($"{name} has an execution_count; it must be null");
            if (Text(cell.Json["metadata"]?["polyglot_notebook"]?["kernelName"]) is null)
                problems.Add($"{name} has no metadata.polyglot_notebook.kernelName");
        }
        return problems;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
