using System.Text.Json.Nodes;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Execution;

/// <summary>
/// The kernel Polyglot sends a code cell to: the cell's polyglot_notebook.kernelName, else its
/// legacy dotnet_interactive.language, else the notebook's default kernel (polyglot.md §1).
/// </summary>
internal static class CellKernelName
{
    public const string CSharp = "csharp";

    public static string Of(Cell cell, Notebook notebook) =>
        Text(cell.Json["metadata"]?["polyglot_notebook"]?["kernelName"])
        ?? Text(cell.Json["metadata"]?["dotnet_interactive"]?["language"])
        ?? notebook.DefaultKernelName
        ?? CSharp;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) && text.Length > 0 ? text : null;
}
