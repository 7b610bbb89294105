using System.Text.Json;
using System.Text.RegularExpressions;

namespace Helpers.Tests;

public class ChartTests : TempFolderTest
{
    [Fact]
    public void A_scatter_has_one_webgl_trace_per_class_each_in_its_palette_colour()
    {
        using var points = randn(300, 2);
        using var labels = arange(300, int64).remainder(3);

        var traces = Traces(new LatentScatter(points, labels, ["zero", "one", "two"]).ToHtml());

        Assert.Equal(3, traces.Count);
        Assert.All(traces, t => Assert.Equal("scattergl", t.GetProperty("type").GetString()));
        Assert.Equal(["zero", "one", "two"], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(Charts.Palette.Take(3), traces.Select(t => t.GetProperty("marker").GetProperty("color").GetString()));
        Assert.All(traces, t => Assert.Equal(100, t.GetProperty("x").GetArrayLength()));
    }

    [Fact]
    public void A_scatter_keeps_each_point_with_four_significant_digits()
    {
        using var points = tensor(new[,] { { 1.234567, -0.000123456 }, { 98765.4, 2 } });
        using var labels = tensor(new long[] { 7, 7 });

        var trace = Traces(new LatentScatter(points, labels).ToHtml()).Single();

        Assert.Equal("7", trace.GetProperty("name").GetString());
        Assert.Equal(Charts.Palette[7], trace.GetProperty("marker").GetProperty("color").GetString());
        Assert.Equal("[1.235,9.877E+04]", trace.GetProperty("x").GetRawText());
        Assert.Equal("[-0.0001235,2]", trace.GetProperty("y").GetRawText());
    }

    [Fact]
    public void Ten_thousand_points_make_a_small_page()
    {
        manual_seed(0);
        using var points = randn(10000, 2);
        using var labels = randint(10, [10000]);

        var html = new LatentScatter(points, labels, Mnist.ClassNames).ToHtml();

        Assert.InRange(html.Length, 100_000, 200_000);
    }

    [Fact]
    public void Each_rendering_of_a_line_chart_draws_into_a_fresh_element()
    {
        var chart = new LineChart("Loss").Add("train", 1, 0.5).Add("validation", 1, 0.6).Add("train", 2, 0.25);

        var first = chart.ToHtml();
        var second = chart.ToHtml();

        Assert.NotEqual(DivId(first), DivId(second));
        Assert.Contains($"Plotly.newPlot('{DivId(first)}'", first);
        var traces = Traces(first);
        Assert.Equal(["train", "validation"], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal("[1,2]", traces[0].GetProperty("x").GetRawText());
        Assert.Equal("[0.5,0.25]", traces[0].GetProperty("y").GetRawText());
        Assert.Equal([(1.0, 0.6)], chart["validation"]);
    }

    [Fact]
    public void The_script_uses_the_pages_plotly_or_loads_it_with_require()
    {
        var html = new LineChart().Add("train", 1, 1).ToHtml();

        Assert.Contains("if (window.Plotly) { draw(window.Plotly); return; }", html);
        Assert.Contains("https://cdn.plot.ly/plotly-2.35.2.min", html);
        Assert.Contains("require.min.js", html);
    }

    [Fact]
    public void A_saved_chart_page_carries_the_local_plotly()
    {
        var path = Temp.File("loss.html");

        new LineChart().Add("train", 1, 1).SaveHtml(path);

        var page = File.ReadAllText(path);
        Assert.Contains("plotly.js v2.35.2", page);
        Assert.True(page.IndexOf("plotly.js v2.35.2", StringComparison.Ordinal) < page.IndexOf("<div id=", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_that_could_end_the_script_is_escaped()
    {
        var html = new LineChart("</script><b>").Add("a<b", 1, 1).ToHtml();

        Assert.DoesNotContain("</script><b>", html);
        Assert.Equal("a<b", Traces(html)[0].GetProperty("name").GetString());
    }

    private static string DivId(string html) => Regex.Match(html, "<div id=\"([^\"]+)\"").Groups[1].Value;

    /// <summary>The data argument of Plotly.newPlot, parsed.</summary>
    private static List<JsonElement> Traces(string html)
    {
        var data = Regex.Match(html, @"Plotly\.newPlot\('[^']+', (\[.*?\]), \{").Groups[1].Value;
        return JsonDocument.Parse(data).RootElement.EnumerateArray().ToList();
    }
}
