namespace Fixtures.Shapes;

/// <summary>A value type for notebooks to pass between libraries; it formats itself for notebooks.</summary>
[TypeFormatterSource(typeof(ShapeFormatterSource))]
public sealed class Shape(string name, double size)
{
    public string Name { get; } = name;

    public double Size { get; } = size;

    public override string ToString() => $"Shape {Name} of size {Size}";
}

/// <summary>Prefers text/plain although it also has an HTML formatter.</summary>
[TypeFormatterSource(typeof(BadgeFormatterSource), PreferredMimeTypes = ["text/plain"])]
public sealed class Badge(string colour)
{
    public string Colour { get; } = colour;
}
