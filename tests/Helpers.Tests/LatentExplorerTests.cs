using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using NotebookRunner.Tests.Support;

namespace Helpers.Tests;

/// <summary>
/// The latent explorer: what it decodes and embeds, and, in headless Chromium with the network blocked, that synthetic
/// mouse events over its plot change the decoded image, show a hovered test image and decode a pressed path.
/// </summary>
[Collection(nameof(GlobalState))]
public class LatentExplorerTests : TempFolderTest
{
    private const int Count = 300;

    [Fact]
    public void The_grid_spans_the_plotted_range_and_row_zero_is_the_top()
    {
        using var data = Data();
        var explorer = Explorer(data, gridSize: 5);

        Assert.Equal(explorer.Scatter.XRange, explorer.XRange);
        Assert.Equal((explorer.XRange.Min, explorer.YRange.Max), explorer.GridPoint(0, 0));
        Assert.Equal((explorer.XRange.Max, explorer.YRange.Min), explorer.GridPoint(4, 4));
        var (min, max) = (data.Points[.., 0].min().item<float>(), data.Points[.., 0].max().item<float>());
        Assert.InRange(explorer.XRange.Min, min - 0.1 * (max - min), min);
        Assert.InRange(explorer.XRange.Max, max, max + 0.1 * (max - min));
    }

    [Fact]
    public void Its_plot_is_the_xplot_scatter_and_the_decodings_are_embedded_as_png()
    {
        using var data = Data();
        var explorer = Explorer(data, gridSize: 8);

        var html = explorer.ToHtml();

        Assert.Contains("Plotly.newPlot(", html);
        Assert.Equal(2, Regex.Matches(html, "src=\"data:image/png;base64,").Count);
        Assert.Contains("\"members\":[[0,3,6,", html);
        Assert.InRange(explorer.EmbeddedPictureBytes, 1_000, 400_000);
        Assert.StartsWith("LatentExplorer: 300 test images, 8x8 decodings", explorer.ToString());
    }

    [Fact]
    public void Bad_inputs_name_the_argument_and_what_was_expected()
    {
        using var data = Data();

        var images = Assert.Throws<ArgumentException>(() => new LatentExplorer(data.Points, data.Labels, data.Images[..10], Decoder));
        var decoder = Assert.Throws<ArgumentException>(() => new LatentExplorer(data.Points, data.Labels, data.Images, z => zeros(z.shape[0], 1, 14, 14)));
        var grid = Assert.Throws<ArgumentOutOfRangeException>(() => new LatentExplorer(data.Points, data.Labels, data.Images, Decoder, gridSize: 1));
        var points = Assert.Throws<ArgumentException>(() => new LatentExplorer(data.Images, data.Labels, data.Images, Decoder));

        Assert.Equal("images", images.ParamName);
        Assert.Contains("one image per point (300)", images.Message);
        Assert.Equal("decoder", decoder.ParamName);
        Assert.Contains("1x14x14", decoder.Message);
        Assert.Equal("gridSize", grid.ParamName);
        Assert.Equal("points", points.ParamName);
    }

    [Fact]
    public async Task Mouse_events_over_the_plot_change_the_shown_images_offline()
    {
        Assert.True(File.Exists(HeadlessChromium.Executable), "this test needs the Debian package chromium");
        using var data = Data();
        var page = Temp.File("explorer.html");
        Explorer(data, gridSize: 20).SaveHtml(page);
        var probe = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Browser", "explorer-probe.js"));
        File.WriteAllText(page, File.ReadAllText(page).Replace("</body>", $"<script>{probe}</script>\n</body>"));

        var result = Probe(await HeadlessChromium.DumpDomAsync(page));

        Assert.False(result.TryGetProperty("error", out var error), error.ToString());
        var (first, second) = (result.GetProperty("first"), result.GetProperty("second"));
        Assert.NotEqual(first.GetProperty("tile").GetString(), second.GetProperty("tile").GetString());
        Assert.NotEqual(first.GetProperty("brightness").GetDouble(), second.GetProperty("brightness").GetDouble());
        Assert.True(first.GetProperty("brightness").GetDouble() > 0, "the decoded image was drawn");
        Assert.StartsWith("decoded at z = (", second.GetProperty("text").GetString());
        var hover = result.GetProperty("hover");
        Assert.Equal("0", hover.GetProperty("index").GetString());
        Assert.Equal("test image 0: zero", hover.GetProperty("text").GetString());
        Assert.True(hover.GetProperty("brightness").GetDouble() > 0, "the hovered test image was drawn");
        var path = result.GetProperty("path");
        Assert.Equal(LatentExplorer.PathSteps, path.GetProperty("count").GetInt32());
        Assert.Equal(LatentExplorer.PathSteps, path.GetProperty("drawn").GetInt32());
        Assert.True(path.GetProperty("tiles").EnumerateArray().Select(t => t.GetString()).Distinct().Count() > 3, "the path crosses the grid");
        Assert.StartsWith("The straight path from", path.GetProperty("text").GetString());
        Assert.Equal("2", path.GetProperty("overlayPoints").GetString());
    }

    /// <summary>The JSON the probe script left in the page.</summary>
    private static JsonElement Probe(string dom)
    {
        var match = Regex.Match(dom, "<pre id=\"explorer-probe\">(.*?)</pre>", RegexOptions.Singleline);
        Assert.True(match.Success, "the probe script did not finish in Chromium");
        var json = WebUtility.HtmlDecode(match.Groups[1].Value);
        try
        {
            return JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"the probe wrote {json[..Math.Min(json.Length, 500)]}", error);
        }
    }

    private static LatentExplorer Explorer(ExplorerData data, int gridSize) =>
        new(data.Points, data.Labels, data.Images, Decoder, ["zero", "one", "two"], "test", gridSize);

    /// <summary>A decoder whose image changes with z: a ramp across the image, shifted by z[0] and tilted by z[1].</summary>
    private static Tensor Decoder(Tensor z)
    {
        using var scope = NewDisposeScope();
        var across = linspace(-1, 1, 28).reshape(1, 1, 1, 28);
        var ramp = z[.., 0].reshape(-1, 1, 1, 1) + 2 * z[.., 1].reshape(-1, 1, 1, 1) * across;
        return ramp.sigmoid().expand(-1, 1, 28, 28).contiguous().MoveToOuterDisposeScope();
    }

    private static ExplorerData Data()
    {
        manual_seed(1);
        return new ExplorerData(randn(Count, 2), arange(Count, int64).remainder(3), rand(Count, 1, 28, 28));
    }

    private sealed record ExplorerData(Tensor Points, Tensor Labels, Tensor Images) : IDisposable
    {
        public void Dispose()
        {
            Points.Dispose();
            Labels.Dispose();
            Images.Dispose();
        }
    }
}
