using Fixtures.Shapes;

namespace Fixtures.Drawing;

public static class Canvas
{
    public static Shape Scale(Shape shape, double factor) => new(shape.Name, shape.Size * factor);
}
