using System.Text.RegularExpressions;
using FluentAssertions;
using NotebookRunner.Export;
using Xunit;

namespace NotebookRunner.Tests;

/// <summary>An exported page holds plotly.js once, in its head, whatever copies the notebook's outputs carried.</summary>
public sealed class PlotlyEmbedderTests
{
    private const string Library = "/* plotly.js v2.35.2 */ window.Plotly = {};";

    [Fact]
    public void The_copy_a_chart_output_carried_is_replaced_by_one_in_the_head()
    {
        var carried = "<script type=\"text/javascript\" data-helpers-plotly=\"2.35.2\">if (!window.Plotly) { " + Library + " }</script>";
        var page = $"<html><head><script src=\"require.js\"></script></head><body>{carried}\n<div id=\"a\"></div>{carried}<div id=\"b\"></div></body></html>";

        var embedded = PlotlyEmbedder.Embed(page, Library);

        Regex.Matches(embedded, Regex.Escape("plotly.js v2.35.2")).Should().HaveCount(1);
        embedded.IndexOf("plotly.js v2.35.2", StringComparison.Ordinal).Should().BeLessThan(embedded.IndexOf("require.js", StringComparison.Ordinal));
        embedded.Should().NotContain("data-helpers-plotly").And.Contain("<div id=\"a\"></div><div id=\"b\"></div>");
    }

    [Fact]
    public void A_page_without_a_head_is_an_export_error()
    {
        var act = () => PlotlyEmbedder.Embed("<body></body>", Library);

        act.Should().Throw<ExportException>().WithMessage("*<head>*");
    }
}
