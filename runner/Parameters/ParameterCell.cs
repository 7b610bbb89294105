using System.Text.RegularExpressions;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Parameters;

/// <summary>
/// The cell tagged "parameters" (papermill's convention, polyglot.md §8) and the variables it
/// declares, e.g. "var epochs = 20;" or "double learningRate = 1e-3;".
/// </summary>
internal static partial class ParameterCell
{
    public const string ParametersTag = "parameters";
    public const string InjectedTag = "injected-parameters";

    public static Cell? Find(Notebook notebook) =>
        notebook.Cells.FirstOrDefault(cell => cell.IsCode && cell.Tags.Contains(ParametersTag));

    /// <summary>The declared parameters in source order, with the C# type when it can be told from the line.</summary>
    public static IReadOnlyList<DeclaredParameter> Declarations(Cell cell) =>
        Declaration().Matches(cell.Source)
            .Select(match => new DeclaredParameter(
                match.Groups["name"].Value,
                match.Groups["type"].Value == "var"
                    ? CSharpLiteral.TypeOf(match.Groups["value"].Value.Trim())
                    : match.Groups["type"].Value,
                match.Groups["type"].Value,
                match.Groups["value"].Value.Trim(),
                match.Groups["comment"].Success ? match.Groups["comment"].Value.Trim() : null))
            .ToList();

    [GeneratedRegex(@"^\s*(?<type>var|bool|int|long|float|double|decimal|string)\s+(?<name>[A-Za-z_]\w*)\s*=\s*(?<value>[^;]*);(?:[ \t]*//(?<comment>[^\n]*))?", RegexOptions.Multiline)]
    private static partial Regex Declaration();
}

/// <summary>
/// A parameter and its C# type ("int", "double", ...), null when the initialiser is not a literal; as written, the
/// type keyword ("var" or the type), the initialiser and the line's trailing comment, if any.
/// </summary>
internal sealed record DeclaredParameter(string Name, string? Type, string Keyword, string Initialiser, string? Comment);
