using System.Text.Json.Nodes;

namespace NotebookRunner.Parameters;

/// <summary>
/// One value to inject: from profiles.json (a JSON value) or from "-p name=value" (text).
/// <paramref name="Origin"/> says where it came from in error messages. A value from a
/// profile's "*" section is <paramref name="Optional"/>: it applies only to notebooks declaring it.
/// </summary>
internal sealed record ParameterSetting(string Name, JsonNode? Json, string? Text, string Origin, bool Optional)
{
    public static ParameterSetting FromCommandLine(string assignment)
    {
        var equals = assignment.IndexOf('=');
        if (equals <= 0)
            throw new ParameterException($"-p {assignment}: expected name=value");
        return new ParameterSetting(assignment[..equals].Trim(), null, assignment[(equals + 1)..], "-p", Optional: false);
    }

    public string ToLiteral(string? declaredType) =>
        Text is not null ? CSharpLiteral.FromText(Text, declaredType) : CSharpLiteral.FromJson(Json, declaredType);
}

internal sealed class ParameterException(string message) : Exception(message);
