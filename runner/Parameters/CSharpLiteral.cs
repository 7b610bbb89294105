using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NotebookRunner.Parameters;

/// <summary>
/// Turns parameter values into C# literals of the parameter's type, so an injected
/// "var epochs = 1;" keeps the type the notebook declared (int stays int, double stays double).
/// </summary>
internal static partial class CSharpLiteral
{
    /// <summary>The C# type of a literal initialiser, or null when it is not a simple literal.</summary>
    public static string? TypeOf(string literal)
    {
        if (literal is "true" or "false")
            return "bool";
        if (literal.StartsWith('"') || literal.StartsWith("@\"", StringComparison.Ordinal))
            return "string";
        var number = NumberLiteral().Match(literal.Replace("_", ""));
        if (!number.Success)
            return null;
        return number.Groups["suffix"].Value.ToLowerInvariant() switch
        {
            "l" => "long",
            "f" => "float",
            "m" => "decimal",
            "d" => "double",
            _ when number.Groups["fraction"].Success => "double",
            _ => long.TryParse(number.Groups["digits"].Value, out var value) && value is >= int.MinValue and <= int.MaxValue
                ? "int" : "long",
        };
    }

    /// <summary>A literal for a value from profiles.json; throws <see cref="FormatException"/> naming the expected type.</summary>
    public static string FromJson(JsonNode? value, string? type)
    {
        if (value is not JsonValue scalar)
            throw new FormatException($"expected a number, boolean or string, got {value?.ToJsonString() ?? "null"}");
        var kind = scalar.GetValueKind();
        return (type, kind) switch
        {
            (null or "bool", JsonValueKind.True or JsonValueKind.False) => Bool(scalar.GetValue<bool>()),
            (null or "string", JsonValueKind.String) => String(scalar.GetValue<string>()),
            (null, JsonValueKind.Number) => FromText(scalar.ToJsonString(), null),
            (not null and not "bool" and not "string", JsonValueKind.Number) => FromText(scalar.ToJsonString(), type),
            _ => throw new FormatException($"expected {type}, got {scalar.ToJsonString()}"),
        };
    }

    /// <summary>A literal for a value given as text (-p name=value), read as the declared type or, without one, as what it looks like.</summary>
    public static string FromText(string text, string? type)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (type)
        {
            case "bool" when bool.TryParse(text, out var flag):
                return Bool(flag);
            case "int" when int.TryParse(text, NumberStyles.Integer, invariant, out var integer):
                return integer.ToString(invariant);
            case "long" when long.TryParse(text, NumberStyles.Integer, invariant, out var big):
                return big.ToString(invariant) + "L";
            case "double" when double.TryParse(text, NumberStyles.Float, invariant, out var real):
                return Double(real);
            case "float" when float.TryParse(text, NumberStyles.Float, invariant, out var single):
                return single.ToString("R", invariant) + "f";
            case "decimal" when decimal.TryParse(text, NumberStyles.Float, invariant, out var money):
                return money.ToString(invariant) + "m";
            case "string":
                return String(text);
            case null:
                return Guess(text);
            default:
                throw new FormatException($"expected {type}, got \"{text}\"");
        }
    }

    private static string Guess(string text)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (bool.TryParse(text, out var flag))
            return Bool(flag);
        if (long.TryParse(text, NumberStyles.Integer, invariant, out var integer))
            return integer is >= int.MinValue and <= int.MaxValue ? integer.ToString(invariant) : integer.ToString(invariant) + "L";
        if (double.TryParse(text, NumberStyles.Float, invariant, out var real) && double.IsFinite(real))
            return Double(real);
        return String(text);
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Double(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        // "1" would make "var x = 1;" an int; "1.0" keeps it a double.
        return text.IndexOfAny(['.', 'E', 'e']) >= 0 ? text : text + ".0";
    }

    private static string String(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return builder.Append('"').ToString();
    }

    [GeneratedRegex(@"^-?(?<digits>\d+)(?<fraction>(\.\d+)?([eE][+-]?\d+)|\.\d+)?(?<suffix>[lLfFmMdD]?)$")]
    private static partial Regex NumberLiteral();
}
