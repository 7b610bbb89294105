using System.Text;
using System.Text.Json.Nodes;
using NotebookRunner.Formatting;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Outputs;

/// <summary>
/// Collects one cell's outputs in the order they happen and saves them the way VS Code does
/// (polyglot.md §1): consecutive writes to one stream merge, displays can be replaced in
/// place, errors carry ename "Error". Thread-safe, since cells may write from worker threads.
/// </summary>
internal sealed class CellOutputs
{
    private readonly object gate = new();
    private readonly List<Output> outputs = [];

    public bool HasError
    {
        get { lock (gate) return outputs.OfType<ErrorOutput>().Any(); }
    }

    public void AppendStream(string name, string text)
    {
        if (text.Length == 0)
            return;
        lock (gate)
        {
            if (outputs.LastOrDefault() is StreamOutput last && last.Name == name)
                last.Text.Append(text);
            else
                outputs.Add(new StreamOutput(name, new StringBuilder(text)));
        }
    }

    /// <summary>Adds a display and returns the handle that <see cref="Replace"/> takes.</summary>
    public object AddDisplay(IReadOnlyList<FormattedValue> data)
    {
        var display = new DisplayOutput(data);
        lock (gate)
            outputs.Add(display);
        return display;
    }

    public void Replace(object handle, IReadOnlyList<FormattedValue> data)
    {
        var display = (DisplayOutput)handle;
        lock (gate)
        {
            display.Data = data;
        }
    }

    public void AddError(string message)
    {
        lock (gate)
            outputs.Add(new ErrorOutput(message));
    }

    public JsonArray ToJson()
    {
        lock (gate)
            return new JsonArray(outputs.Select(output => (JsonNode)output.ToJson()).ToArray());
    }

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

    private sealed class DisplayOutput(IReadOnlyList<FormattedValue> data) : Output
    {
        public IReadOnlyList<FormattedValue> Data { get; set; } = data;

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
        public string Message { get; } = message;

        public override JsonObject ToJson() => new()
        {
            ["ename"] = "Error",
            ["evalue"] = Message,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(Message.Split('\n').Select(line => (JsonNode)line).ToArray()),
        };
    }
}
