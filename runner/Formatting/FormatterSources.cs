using System.Collections.Concurrent;
using System.Collections;
using System.Reflection;

namespace NotebookRunner.Formatting;

/// <summary>
/// Finds formatters that libraries declare without depending on .NET Interactive: an attribute
/// whose type name is exactly "TypeFormatterSourceAttribute", naming a class whose
/// CreateTypeFormatters() yields objects with MimeType, Format(object, TextWriter) and an
/// optional Type (polyglot.md §4). Looked up lazily, once per runtime type.
/// </summary>
internal static class FormatterSources
{
    private const string AttributeName = "TypeFormatterSourceAttribute";

    private static readonly ConcurrentDictionary<Type, TypeFormatters> Cache = new();

    public static TypeFormatters For(Type type) => Cache.GetOrAdd(type, Discover);

    private static TypeFormatters Discover(Type type)
    {
        var formatters = new List<DuckFormatter>();
        string[]? preferred = null;
        foreach (var attribute in type.GetCustomAttributes(inherit: true).Where(a => a.GetType().Name == AttributeName))
        {
            var attributeType = attribute.GetType();
            if (attributeType.GetProperty("FormatterSourceType")?.GetValue(attribute) is not Type sourceType)
                continue;
            preferred ??= attributeType.GetProperty("PreferredMimeTypes")?.GetValue(attribute) as string[];
            var source = Activator.CreateInstance(sourceType)
                ?? throw new InvalidOperationException($"{sourceType} could not be created as a formatter source for {type}");
            var create = sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"{sourceType} has no public CreateTypeFormatters() method");
            if (create.Invoke(source, BindingFlags.DoNotWrapExceptions, null, null, null) is not IEnumerable created)
                throw new InvalidOperationException($"{sourceType}.CreateTypeFormatters() did not return an IEnumerable");
            formatters.AddRange(created.Cast<object>().Select(formatter => DuckFormatter.Wrap(formatter, type)));
        }
        var applicable = formatters.Where(formatter => formatter.AppliesTo.IsAssignableFrom(type)).ToList();
        return new TypeFormatters(applicable, preferred is { Length: > 0 } ? preferred : null);
    }
}

/// <summary>The library-supplied formatters for one runtime type, with its preferred MIME types if it named any.</summary>
internal sealed record TypeFormatters(IReadOnlyList<DuckFormatter> Formatters, string[]? PreferredMimeTypes)
{
    public DuckFormatter? ForMimeType(string mimeType) =>
        Formatters.LastOrDefault(formatter => formatter.MimeType == mimeType);
}

/// <summary>One formatter object reached through reflection.</summary>
internal sealed class DuckFormatter
{
    private readonly object target;
    private readonly MethodInfo format;

    private DuckFormatter(object target, MethodInfo format, string mimeType, Type appliesTo)
    {
        this.target = target;
        this.format = format;
        MimeType = mimeType;
        AppliesTo = appliesTo;
    }

    public string MimeType { get; }

    public Type AppliesTo { get; }

    public static DuckFormatter Wrap(object formatter, Type formattedType)
    {
        var type = formatter.GetType();
        var mimeType = type.GetProperty("MimeType")?.GetValue(formatter) as string
            ?? throw new InvalidOperationException($"formatter {type} has no public string MimeType property");
        var formats = type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(method => method.Name == "Format" && IsFormatSignature(method))
            .ToList();
        if (formats.Count != 1)
            throw new InvalidOperationException(
                $"formatter {type} needs exactly one public method bool Format(object, TextWriter), found {formats.Count}");
        var appliesTo = type.GetProperty("Type")?.GetValue(formatter) as Type ?? formattedType;
        return new DuckFormatter(formatter, formats[0], mimeType, appliesTo);
    }

    /// <summary>Formats the value, or returns null when the formatter declines it (returns false).</summary>
    public string? TryFormat(object value)
    {
        using var writer = new StringWriter();
        var accepted = (bool)format.Invoke(target, BindingFlags.DoNotWrapExceptions, null, [value, writer], null)!;
        return accepted ? writer.ToString() : null;
    }

    private static bool IsFormatSignature(MethodInfo method)
    {
        var parameters = method.GetParameters();
        return method.ReturnType == typeof(bool) && parameters.Length == 2
            && parameters[0].ParameterType == typeof(object)
            && parameters[1].ParameterType == typeof(TextWriter);
    }
}
