namespace NotebookRunner.Cli;

/// <summary>
/// The command line after the command name: positional arguments and "--name value" options
/// (repeatable, with short aliases such as -p). Unknown options are errors, so a typo never
/// silently does nothing.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, List<string>> options = [];
    private readonly List<string> positionals = [];

    public IReadOnlyList<string> Positionals => positionals;

    /// <param name="known">Long option names this command accepts, mapped from any short aliases to themselves.</param>
    public static Arguments Parse(string command, IEnumerable<string> args, IReadOnlyDictionary<string, string> known)
    {
        var parsed = new Arguments();
        using var tokens = args.GetEnumerator();
        while (tokens.MoveNext())
        {
            var token = tokens.Current;
            if (!token.StartsWith('-') || token == "-")
            {
                parsed.positionals.Add(token);
                continue;
            }
            var (name, inlineValue) = token.Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal)
                ? (n, v) : (token, null);
            if (!known.TryGetValue(name, out var longName))
                throw new UsageException(
                    $"nbrun {command}: unknown option {name}; expected {string.Join(", ", known.Values.Distinct())}");
            var value = inlineValue ?? (tokens.MoveNext() ? tokens.Current : throw new UsageException($"nbrun {command}: {name} needs a value"));
            if (!parsed.options.TryGetValue(longName, out var values))
                parsed.options[longName] = values = [];
            values.Add(value);
        }
        return parsed;
    }

    public IReadOnlyList<string> All(string name) => options.TryGetValue(name, out var values) ? values : [];

    /// <summary>The option's value, or <paramref name="fallback"/>; giving it twice is an error.</summary>
    public string? Single(string name, string? fallback = null) =>
        All(name) switch
        {
            [] => fallback,
            [var only] => only,
            _ => throw new UsageException($"{name} was given more than once"),
        };
}

internal sealed class UsageException(string message) : Exception(message);

internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Interrupted = 130;
}
