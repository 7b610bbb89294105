using System.Collections;
using System.Reflection;

namespace Helpers.Tests;

/// <summary>
/// The duck-typed convention notebook hosts use (polyglot.md §4), exercised through reflection exactly
/// as a host does: an attribute named TypeFormatterSourceAttribute, its source's CreateTypeFormatters(),
/// and formatters with MimeType and bool Format(object, TextWriter).
/// </summary>
public class FormatterTests
{
    public static TheoryData<string> Figures => new() { "grid", "history", "manifold" };

    [Theory]
    [MemberData(nameof(Figures))]
    public void Every_figure_prefers_html_and_formats_as_html_and_text(string kind)
    {
        var figure = Make(kind);

        var (preferred, formatters) = Discover(figure.GetType());

        Assert.Equal(["text/html"], preferred ?? []);
        Assert.Equal(figure.ToString(), Format(formatters["text/plain"], figure));
        Assert.StartsWith("<", Format(formatters["text/html"], figure));
    }

    [Fact]
    public void Pictures_also_format_as_base64_png_and_charts_decline()
    {
        var grid = Make("grid");
        var chart = Make("history");
        var (_, formatters) = Discover(typeof(ImageGrid));

        var png = Convert.FromBase64String(Format(formatters["image/png"], grid)!);

        Assert.Equal(((ImageFigure)grid).ToPng(), png);
        Assert.Null(Format(formatters["image/png"], chart));
    }

    [Fact]
    public void The_png_of_every_picture_has_its_size_and_pixels()
    {
        using var scope = NewDisposeScope();
        // Four 6x6 images, image i a flat grey i / 3; the grid puts them 2 a row at scale 2, the manifold 2x2 at scale 1.
        using var images = arange(4, float32).div(3).view(4, 1, 1, 1).expand(4, 1, 6, 6).contiguous();
        var grid = new ImageGrid(images, columns: 2, scale: 2);
        var manifold = Manifold.Decode(z => images.clone(), 2, scale: 1);
        var (_, formatters) = Discover(typeof(ImageGrid));

        var gridPng = PythonPngCheck.Decode(Convert.FromBase64String(Format(formatters["image/png"], grid)!));
        var manifoldPng = PythonPngCheck.Decode(Convert.FromBase64String(Format(formatters["image/png"], manifold)!));

        Assert.Equal((2 * 12 + ImageGrid.Gap, 2 * 12 + ImageGrid.Gap, 1), (gridPng.Width, gridPng.Height, gridPng.Channels));
        Assert.Equal([0, 255, 85, 170, 255], new[] { gridPng[0, 0, 0], gridPng[0, 12, 0], gridPng[0, 25, 0], gridPng[25, 0, 0], gridPng[25, 25, 0] });
        Assert.Equal((12, 12, 1), (manifoldPng.Width, manifoldPng.Height, manifoldPng.Channels));
        Assert.Equal([0, 85, 170, 255], new[] { manifoldPng[0, 0, 0], manifoldPng[0, 6, 0], manifoldPng[6, 0, 0], manifoldPng[11, 11, 0] });
    }

    [Fact]
    public void A_model_summary_keeps_both_its_table_and_its_keras_text()
    {
        using var model = torch.nn.Sequential(("dense", torch.nn.Linear(3, 2)));
        var summary = ModelSummary.Of(model, [3]);

        var (preferred, formatters) = Discover(typeof(ModelSummary));

        Assert.Equal(["text/html", "text/plain"], preferred ?? []);
        Assert.Contains("Total params: 8", Format(formatters["text/plain"], summary));
        Assert.StartsWith("<table class=\"dataframe\">", Format(formatters["text/html"], summary));
    }

    private static Figure Make(string kind)
    {
        using var images = rand(4, 1, 6, 6);
        return kind switch
        {
            "grid" => new ImageGrid(images),
            "history" => new History().Add("train", 1, 2),
            _ => Manifold.Decode(z => zeros(z.shape[0], 16), 2),
        };
    }

    private static (string[]? Preferred, Dictionary<string, object> Formatters) Discover(Type type)
    {
        var attribute = type.GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var preferred = (string[]?)attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute);
        var source = Activator.CreateInstance(sourceType)!;
        var formatters = ((IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!).Cast<object>();
        return (preferred, formatters.ToDictionary(f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)!));
    }

    private static string? Format(object formatter, object value)
    {
        var format = formatter.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance).Single(m => m.Name == "Format");
        using var writer = new StringWriter();
        return (bool)format.Invoke(formatter, [value, writer])! ? writer.ToString() : null;
    }
}
