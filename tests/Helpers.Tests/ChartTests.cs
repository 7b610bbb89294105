using System.Text.Json;
using System.Text.RegularExpressions;
using XPlot.Plotly;
using Formatter = Microsoft.DotNet.Interactive.Formatting.Formatter;

namespace Helpers.Tests;

/// <summary>
/// The helpers' charts are XPlot charts, and the kernel's own Formatter (Microsoft.DotNet.Interactive.Formatting, the
/// one the notebooks run with) shows any XPlot chart through the formatter the helpers register: these tests read the
/// traces and the layout back out of the text/html it writes.
/// </summary>
[Collection(nameof(GlobalState))]
public class ChartTests : TempFolderTest
{
    [Fact]
    public void A_scatter_has_one_webgl_trace_per_class_each_in_its_palette_colour()
    {
        using var points = randn(300, 2);
        using var labels = arange(300, int64).remainder(3);

        var (traces, layout) = Plotted(new LatentScatter(points, labels, ["zero", "one", "two"], title: "A: pooling"));

        Assert.Equal(3, traces.Count);
        Assert.All(traces, t => Assert.Equal("scattergl", t.GetProperty("type").GetString()));
        Assert.All(traces, t => Assert.Equal("markers", t.GetProperty("mode").GetString()));
        Assert.Equal(["zero", "one", "two"], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(Charts.Palette.Take(3), traces.Select(t => t.GetProperty("marker").GetProperty("color").GetString()));
        Assert.All(traces, t => Assert.Equal(100, t.GetProperty("x").GetArrayLength()));
        Assert.Equal("A: pooling", layout.GetProperty("title").GetString());
        Assert.Equal("z[0]", layout.GetProperty("xaxis").GetProperty("title").GetString());
        Assert.Equal("z[1]", layout.GetProperty("yaxis").GetProperty("title").GetString());
    }

    [Fact]
    public void A_scatter_keeps_each_point_with_four_significant_digits()
    {
        using var points = tensor(new[,] { { 1.234567, -0.000123456 }, { 98765.4, 2 } });
        using var labels = tensor(new long[] { 7, 7 });

        var trace = Plotted(new LatentScatter(points, labels)).Traces.Single();

        Assert.Equal("7", trace.GetProperty("name").GetString());
        Assert.Equal(Charts.Palette[7], trace.GetProperty("marker").GetProperty("color").GetString());
        Assert.Equal([1.235, 98770], trace.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([-0.0001235, 2], trace.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public void Ten_thousand_points_make_a_small_output()
    {
        manual_seed(0);
        using var points = randn(10000, 2);
        using var labels = randint(10, [10000]);

        var html = new LatentScatter(points, labels, Mnist.ClassNames).ToHtml();

        Assert.InRange(html.Length, 100_000, 220_000);
    }

    [Fact]
    public void A_line_chart_plots_its_series_in_order_with_its_titles()
    {
        var chart = new LineChart("Loss", yTitle: "nats").Add("train", 1, 0.5).Add("validation", 1, 0.6).Add("train", 2, 0.25);

        var (traces, layout) = Plotted(chart);

        Assert.Equal(["train", "validation"], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.All(traces, t => Assert.Equal("scatter", t.GetProperty("type").GetString()));
        Assert.Equal([1.0, 2.0], traces[0].GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([0.5, 0.25], traces[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(Charts.Palette[1], traces[1].GetProperty("line").GetProperty("color").GetString());
        Assert.Equal("Loss", layout.GetProperty("title").GetString());
        Assert.Equal("epoch", layout.GetProperty("xaxis").GetProperty("title").GetString());
        Assert.Equal("nats", layout.GetProperty("yaxis").GetProperty("title").GetString());
        Assert.Equal([(1.0, 0.6)], chart["validation"]);
    }

    [Fact]
    public void Points_added_after_a_rendering_show_in_the_next_one_in_a_fresh_element()
    {
        var chart = new LineChart().Add("train", 1, 3);
        var first = Formatter.ToDisplayString(chart, "text/html");

        chart.Add("train", 2, 2);
        var second = Formatter.ToDisplayString(chart, "text/html");

        Assert.NotEqual(DivId(first), DivId(second));
        Assert.Equal(2, Plotted(second).Traces[0].GetProperty("y").GetArrayLength());
    }

    [Fact]
    public void A_chart_restyled_with_xplots_api_shows_as_restyled()
    {
        using var points = randn(20, 2);
        using var labels = zeros(20, int64);
        var scatter = new LatentScatter(points, labels);

        scatter.WithTitle("restyled");
        scatter.WithHeight(300);
        var html = Formatter.ToDisplayString(scatter, "text/html");

        Assert.Equal("restyled", Plotted(html).Layout.GetProperty("title").GetString());
        Assert.Contains("height: 300px;", html);
    }

    [Fact]
    public void Any_xplot_chart_a_notebook_builds_is_formatted_by_the_helpers()
    {
        var chart = Chart.Plot(new Bar { x = new[] { "a", "b" }, y = new[] { 1, 2 } });

        var (traces, _) = Plotted(chart);

        Assert.Equal("bar", traces.Single().GetProperty("type").GetString());
        Assert.True(ChartFormatterIsRegistered());
    }

    [Fact]
    public void The_first_chart_carries_local_plotly_and_later_charts_reuse_it()
    {
        PlotlyLibrary.ForgetCarrier();
        try
        {
            var first = new LineChart().Add("train", 1, 1);
            var second = new LineChart().Add("train", 1, 1);

            var firstHtml = Formatter.ToDisplayString(first, "text/html");
            var secondHtml = Formatter.ToDisplayString(second, "text/html");
            var firstAgain = Formatter.ToDisplayString(first.Add("train", 2, 0.5), "text/html");

            Assert.Equal(1, Occurrences(firstHtml, "plotly.js v2.35.2"));
            Assert.True(firstHtml.IndexOf("plotly.js v2.35.2", StringComparison.Ordinal) < firstHtml.IndexOf("<div id=", StringComparison.Ordinal));
            Assert.Equal(0, Occurrences(secondHtml, "plotly.js v2.35.2"));
            Assert.Equal(1, Occurrences(firstAgain, "plotly.js v2.35.2"));
            Assert.Contains("window.helpersPlotlyWaiting", secondHtml);
            // After plotly.js itself (whose source names its CDN in defaults), nothing refers to the network.
            foreach (var html in new[] { firstHtml, secondHtml })
                Assert.DoesNotMatch(@"https?:|require\.min\.js", html[html.IndexOf("<div id=", StringComparison.Ordinal)..]);
        }
        finally
        {
            PlotlyLibrary.ForgetCarrier();
        }
    }

    [Fact]
    public void A_history_carries_plotly_when_it_is_the_first_chart()
    {
        PlotlyLibrary.ForgetCarrier();
        try
        {
            var history = new History("Loss").Add("train", 1, 2.5);

            var html = Formatter.ToDisplayString(history, "text/html");

            Assert.Equal(1, Occurrences(html, "plotly.js v2.35.2"));
            Assert.Equal([2.5], Plotted(html).Traces[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        }
        finally
        {
            PlotlyLibrary.ForgetCarrier();
        }
    }

    [Fact]
    public void A_saved_chart_page_carries_the_local_plotly_once_before_the_chart()
    {
        var path = Temp.File("loss.html");

        new LineChart().Add("train", 1, 1).SaveHtml(path);

        var page = File.ReadAllText(path);
        Assert.Equal(1, Occurrences(page, "plotly.js v2.35.2"));
        Assert.True(page.IndexOf("plotly.js v2.35.2", StringComparison.Ordinal) < page.IndexOf("<div id=", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_that_could_end_the_script_is_escaped()
    {
        var html = new LineChart("</script><b>").Add("a</script>", 1, 1).ToHtml();

        Assert.DoesNotContain("</script><b>", html);
        Assert.Equal("a</script>", Plotted(html).Traces[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(123456.0, 123500.0)]
    [InlineData(-0.000987654, -0.0009877)]
    [InlineData(1.5e-20, 1.5e-20)]
    public void Plotted_numbers_keep_four_significant_digits(double value, double expected)
    {
        Assert.Equal(expected, ChartLayout.Round(value, 4)!.Value, 1e-12 * Math.Max(1, Math.Abs(expected)));
    }

    [Fact]
    public void Numbers_json_cannot_hold_become_gaps()
    {
        Assert.Null(ChartLayout.Round(double.NaN, 4));
        Assert.Null(ChartLayout.Round(double.PositiveInfinity, 4));
    }

    private static bool ChartFormatterIsRegistered() => ChartFormatter.IsRegistered;

    private static int Occurrences(string text, string part) => text.Split(part).Length - 1;

    private static string DivId(string html) => Regex.Match(html, "<div id=\"([^\"]+)\"").Groups[1].Value;

    private static (List<JsonElement> Traces, JsonElement Layout) Plotted(PlotlyChart chart) =>
        Plotted(Formatter.ToDisplayString(chart, "text/html"));

    /// <summary>The data and layout XPlot's plotting code passes to Plotly.newPlot, parsed.</summary>
    private static (List<JsonElement> Traces, JsonElement Layout) Plotted(string html)
    {
        var match = Regex.Match(html, @"var data = (\[.*?\]);\s*var layout = (.*?);\s*Plotly\.newPlot\(", RegexOptions.Singleline);
        Assert.True(match.Success, "the output holds XPlot's plotting code");
        return (JsonDocument.Parse(match.Groups[1].Value).RootElement.EnumerateArray().ToList(),
                JsonDocument.Parse(match.Groups[2].Value).RootElement);
    }
}
