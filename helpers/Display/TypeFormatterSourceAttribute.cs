namespace Helpers;

/// <summary>
/// Tells Polyglot Notebooks (and our runner) how to format a type without a reference to .NET Interactive:
/// the host looks for an attribute with exactly this name and reads these two properties (polyglot.md §4).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;

    public string[]? PreferredMimeTypes { get; set; }
}
