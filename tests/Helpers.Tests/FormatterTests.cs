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
    public static TheoryData<string> Figures => new() { "grid", "history", "manifold", "table" };

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
    public void A_model_summary_keeps_both_its_table_and_its_keras_text()
    {
        using var model = torch.nn.Sequential(("dense", torch.nn.Linear(3, 2)));
        var summary = ModelSummary.Of(model, [3]);

        var (preferred, formatters) = Discover(typeof(ModelSummary));

        Assert.Equal(["text/html", "text/plain"], preferred ?? []);
        Assert.Contains("Total params: 8", Format(formatters["text/plain"], summary));
        Assert.StartsWith("<table>", Format(formatters["text/html"], summary));
    }

    private static Figure Make(string kind)
    {
        using var images = rand(4, 1, 6, 6);
        return kind switch
        {
            "grid" => new ImageGrid(images),
            "history" => new History().Add("train", 1, 2),
            "manifold" => Manifold.Decode(z => zeros(z.shape[0], 16), 2),
            _ => new Table(new[] { new { a = 1 } }),
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
