using System.Text;
using System.Text.Json.Nodes;
using NotebookRunner.Notebooks;
using NotebookRunner.Protocol;

namespace NotebookRunner.Outputs;

/// <summary>
/// Collects one cell's outputs in the order the kernel reports them and saves them the way
/// VS Code + Polyglot do (polyglot.md §1): consecutive writes to one stream merge into one
/// output, a display whose id the cell already shows is replaced in place, errors carry ename "Error".
/// </summary>
internal sealed class CellOutputs
{
    private readonly List<Output> outputs = [];
    private readonly Dictionary<string, DisplayOutput> displaysById = [];

    /// <summary>The value ids of the displays this cell shows.</summary>
    public IEnumerable<string> DisplayIds => displaysById.Keys;

    public bool Shows(string id) => displaysById.ContainsKey(id);

    public void AppendStream(string name, string text)
    {
        if (text.Length == 0)
            return;
        if (outputs.LastOrDefault() is StreamOutput last && last.Name == name)
            last.Text.Append(text);
        else
            outputs.Add(new StreamOutput(name, new StringBuilder(text)));
    }

    /// <summary>Shows a value; with the <paramref name="id"/> of a display this cell shows, replaces that display.</summary>
    public void Display(string? id, IReadOnlyList<MimeValue> data)
    {
        if (id is not null && displaysById.TryGetValue(id, out var shown))
        {
            shown.Data = data;
            return;
        }
        var display = new DisplayOutput(data);
        outputs.Add(display);
        if (id is not null)
            displaysById[id] = display;
    }

    public void AddError(string message) => outputs.Add(new ErrorOutput(message));

    public JsonArray ToJson() => new(outputs.Select(output => (JsonNode)output.ToJson()).ToArray());

    private abstract class Output
    {
        public abstract JsonObject ToJson();
    }

    private sealed class StreamOutput(string name, StringBuilder text) : Output
    {
        public string Name { get; } = name;

        public StringBuilder Text { get; } = text;

        public override JsonObject ToJson() => new()
        {
            ["name"] = Name,
            ["output_type"] = "stream",
            ["text"] = JsonText.ToLineArray(Text.ToString()),
        };
    }

    private sealed class DisplayOutput(IReadOnlyList<MimeValue> data) : Output
    {
        public IReadOnlyList<MimeValue> Data { get; set; } = data;

        public override JsonObject ToJson()
        {
            var data = new JsonObject();
            foreach (var value in Data)
                data[value.MimeType] = MimeData.ToJson(value);
            return new JsonObject
            {
                ["data"] = data,
                ["metadata"] = new JsonObject(),
                ["output_type"] = "display_data",
            };
        }
    }

    private sealed class ErrorOutput(string message) : Output
    {
        public override JsonObject ToJson() => new()
        {
            ["ename"] = "Error",
            ["evalue"] = message,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(message.Split('\n').Select(line => (JsonNode)line).ToArray()),
        };
    }
}
