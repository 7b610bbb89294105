using System.Text.Json.Nodes;

namespace Notebooks.Tests;

/// <summary>A notebook of C# code cells in the shape VS Code saves, for tests that write one.</summary>
public static class NotebookJson
{
    public static string Of(params string[] cells) => new JsonObject
    {
        ["cells"] = new JsonArray(cells.Select((source, index) => (JsonNode)new JsonObject
        {
            ["cell_type"] = "code", ["execution_count"] = null, ["id"] = $"c{index:D7}", ["outputs"] = new JsonArray(),
            ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
            ["source"] = source,
        }).ToArray()),
        ["metadata"] = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
        },
        ["nbformat"] = 4, ["nbformat_minor"] = 5,
    }.ToJsonString();

    /// <summary>A cell's source as one string; a notebook stores it as a string or a list of lines.</summary>
    public static string Source(JsonNode cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(line => line!.GetValue<string>())),
        JsonValue text => text.GetValue<string>(),
        _ => "",
    };
}
