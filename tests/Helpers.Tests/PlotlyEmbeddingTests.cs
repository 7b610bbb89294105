namespace Helpers.Tests;

[Collection(nameof(GlobalState))]
public class PlotlyEmbeddingTests
{
    [Fact]
    public void Embedding_plotly_puts_the_library_before_each_chart_until_switched_off()
    {
        try
        {
            Charts.EmbedPlotly();
            var embedded = new LineChart().Add("train", 1, 1).ToHtml();
            Charts.LinkPlotly();
            var linked = new LineChart().Add("train", 1, 1).ToHtml();

            Assert.StartsWith("<script type=\"text/javascript\">if (!window.Plotly) { (function (define, module, exports) {", embedded);
            Assert.Contains("plotly.js v2.35.2", embedded);
            Assert.DoesNotContain("plotly.js v2.35.2", linked);
        }
        finally
        {
            Charts.LinkPlotly();
        }
    }

    [Fact]
    public void A_page_saved_while_embedding_carries_plotly_once()
    {
        var folder = Directory.CreateTempSubdirectory("plotly-page-");
        try
        {
            Charts.EmbedPlotly();
            var page = Path.Combine(folder.FullName, "chart.html");
            new LineChart().Add("train", 1, 1).SaveHtml(page);

            var html = File.ReadAllText(page);
            Assert.Equal(1, html.Split("plotly.js v2.35.2").Length - 1);
        }
        finally
        {
            Charts.LinkPlotly();
            folder.Delete(recursive: true);
        }
    }
}
