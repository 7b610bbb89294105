namespace Fixtures.Shapes;

// The dependency-free convention .NET Interactive recognises by type and member names.
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;

    public string[]? PreferredMimeTypes { get; set; }
}

internal sealed class ShapeFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new Formatter<Shape>("text/html", shape => $"<svg data-shape=\"{shape.Name}\" width=\"{shape.Size}\"></svg>"),
        new Formatter<Shape>("text/plain", shape => $"{shape.Name} ({shape.Size})"),
    ];
}

internal sealed class BadgeFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new Formatter<Badge>("text/html", badge => $"<span>{badge.Colour}</span>"),
        new Formatter<Badge>("text/plain", badge => $"badge: {badge.Colour}"),
    ];
}

internal sealed class Formatter<T>(string mimeType, Func<T, string> render)
{
    public string MimeType { get; } = mimeType;

    public Type Type => typeof(T);

    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not T value)
            return false;
        writer.Write(render(value));
        return true;
    }
}
