using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace NotebookRunner.Notebooks;

/// <summary>
/// Writes JSON the way VS Code's ipynb serializer does (keys sorted recursively, one-space
/// indent, JSON.stringify escaping, trailing newline), so executed copies diff cleanly
/// against notebooks saved by the editor.
/// </summary>
internal static class JsonText
{
    public static string Serialize(JsonNode node)
    {
        var builder = new StringBuilder();
        Write(builder, node, 0);
        builder.Append('\n');
        return builder.ToString();
    }

    /// <summary>Splits text into lines that keep their "\n", as nbformat stores source and text outputs.</summary>
    public static JsonArray ToLineArray(string text)
    {
        var pieces = text.Split('\n');
        var lines = pieces
            .Select((piece, index) => index < pieces.Length - 1 ? piece + "\n" : piece)
            .Where(line => line.Length > 0)
            .Select(line => (JsonNode)line);
        return new JsonArray(lines.ToArray());
    }

    private static void Write(StringBuilder builder, JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                WriteContainer(builder, '{', '}', depth,
                    obj.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList(),
                    (pair, innerDepth) =>
                    {
                        WriteString(builder, pair.Key);
                        builder.Append(": ");
                        Write(builder, pair.Value, innerDepth);
                    });
                break;
            case JsonArray array:
                WriteContainer(builder, '[', ']', depth, array.ToList(),
                    (item, innerDepth) => Write(builder, item, innerDepth));
                break;
            case JsonValue value when value.TryGetValue(out string? text):
                WriteString(builder, text);
                break;
            default:
                // Numbers and booleans keep the text they were read with.
                builder.Append(node.ToJsonString());
                break;
        }
    }

    private static void WriteContainer<T>(
        StringBuilder builder, char open, char close, int depth, List<T> items, Action<T, int> writeItem)
    {
        builder.Append(open);
        if (items.Count == 0)
        {
            builder.Append(close);
            return;
        }
        for (var i = 0; i < items.Count; i++)
        {
            builder.Append(i == 0 ? "\n" : ",\n");
            builder.Append(' ', depth + 1);
            writeItem(items[i], depth + 1);
        }
        builder.Append('\n').Append(' ', depth).Append(close);
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20 || IsLoneSurrogate(text, i))
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }
        builder.Append('"');
    }

    private static bool IsLoneSurrogate(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c))
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        if (char.IsLowSurrogate(c))
            return i == 0 || !char.IsHighSurrogate(text[i - 1]);
        return false;
    }
}
