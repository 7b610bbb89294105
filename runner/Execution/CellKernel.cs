using System.Text.Json.Nodes;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Execution;

/// <summary>Which kernel a code cell belongs to, decided in Polyglot's order (polyglot.md, "Implications" 1).</summary>
internal static class CellKernel
{
    public const string CSharp = "csharp";
    public const string Markdown = "markdown";

    private static readonly HashSet<string> CSharpNames = new(StringComparer.OrdinalIgnoreCase) { "csharp", "c#", "cs" };
    private static readonly HashSet<string> MarkdownNames = new(StringComparer.OrdinalIgnoreCase) { "markdown", "md" };

    public static string Resolve(Cell cell, Notebook notebook)
    {
        var name = Text(cell.Json["metadata"]?["polyglot_notebook"]?["kernelName"])
            ?? Text(cell.Json["metadata"]?["dotnet_interactive"]?["language"])
            ?? LeadingSelector(cell.Source)
            ?? notebook.DefaultKernelName
            ?? CSharp;
        return Normalize(name);
    }

    /// <summary>Maps aliases to one name ("c#" → "csharp"); unknown kernels keep their own name.</summary>
    public static string Normalize(string name) =>
        CSharpNames.Contains(name) ? CSharp
        : MarkdownNames.Contains(name) ? Markdown
        : name;

    public static bool IsSelector(string name) => CSharpNames.Contains(name) || MarkdownNames.Contains(name);

    private static string? LeadingSelector(string source)
    {
        var first = source.TrimStart().Split('\n', 2)[0].Trim();
        return first.StartsWith("#!", StringComparison.Ordinal) && IsSelector(first[2..]) ? first[2..] : null;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) && text.Length > 0 ? text : null;
}
