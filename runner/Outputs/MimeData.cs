using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookRunner.Notebooks;
using NotebookRunner.Protocol;

namespace NotebookRunner.Outputs;

/// <summary>How VS Code stores one MIME type's data: text as lines, images as one base64 string, JSON as JSON.</summary>
internal static class MimeData
{
    public static JsonNode ToJson(MimeValue value)
    {
        var mimeType = value.MimeType;
        if (mimeType.StartsWith("text/", StringComparison.Ordinal) || mimeType == "image/svg+xml")
            return JsonText.ToLineArray(value.Value);
        if (mimeType.StartsWith("image/", StringComparison.Ordinal))
            return value.Value;
        if (mimeType.Contains("json", StringComparison.OrdinalIgnoreCase) && TryParseJson(value.Value) is { } json)
            return json;
        return value.Value;
    }

    private static JsonNode? TryParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
