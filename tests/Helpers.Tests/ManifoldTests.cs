using System.Text.RegularExpressions;

namespace Helpers.Tests;

public class ManifoldTests
{
    [Fact]
    public void Linear_axis_values_span_the_range()
    {
        Assert.Equal([-3, -1.5, 0, 1.5, 3], Manifold.AxisValues(5, GridKind.Linear, range: 3));
    }

    [Fact]
    public void Normal_quantile_axis_values_are_the_inverse_normal_cdf()
    {
        var values = Manifold.AxisValues(3, GridKind.NormalQuantiles);

        // scipy.stats.norm.ppf([0.05, 0.5, 0.95])
        Assert.Equal(-1.6448536269514729, values[0], 12);
        Assert.Equal(0, values[1], 12);
        Assert.Equal(1.6448536269514729, values[2], 12);
    }

    [Fact]
    public void The_grid_is_decoded_in_one_batch_with_z1_growing_upwards()
    {
        var calls = new List<long[]>();
        float[]? points = null;
        // A decoder that paints tile (x, y) with brightness (x + 3) / 6, so orientation shows in the pixels.
        Tensor Decoder(Tensor z)
        {
            calls.Add(z.shape);
            points = z.flatten().data<float>().ToArray();
            return ((z[.., 0] + 3) / 6).view(-1, 1, 1, 1).expand(-1, 1, 4, 4).contiguous();
        }

        var manifold = Manifold.Decode(Decoder, 3, range: 3, scale: 1);

        Assert.Equal([[9L, 2]], calls);
        Assert.Equal([-3f, 3f, 0f, 3f, 3f, 3f], points![..6]); // top row: z1 = +3, z0 left to right
        Assert.Equal([-3f, -3f], points[12..14]);             // bottom-left corner
        var read = PythonPngCheck.Decode(manifold.ToPng());
        Assert.Equal((12, 12), (read.Width, read.Height));
        Assert.Equal([0, 128, 255], new[] { read[0, 0, 0], read[11, 4, 0], read[5, 8, 0] });
    }

    [Fact]
    public void The_html_image_is_a_png_of_the_scaled_tiling()
    {
        // 2x2 tiles of 2x2 pixels, black where z[0] = -3 (left column), white where z[0] = +3 (right), scale 2.
        var manifold = Manifold.Decode(z => ((z[.., 0] + 3) / 6).view(-1, 1, 1, 1).expand(-1, 1, 2, 2).contiguous(), 2, range: 3, scale: 2);

        var html = manifold.ToHtml();

        var embedded = Regex.Match(html, "src=\"data:image/png;base64,([^\"]+)\"").Groups[1].Value;
        var read = PythonPngCheck.Decode(Convert.FromBase64String(embedded));
        Assert.Equal((8, 8, 1), (read.Width, read.Height, read.Channels));
        var row = new byte[] { 0, 0, 0, 0, 255, 255, 255, 255 };
        Assert.Equal(Enumerable.Repeat(row, 8).SelectMany(r => r).ToArray(), read.Pixels);
        Assert.Contains("width=\"8\" height=\"8\"", html);
    }

    [Fact]
    public void Html_puts_the_axis_values_around_the_image()
    {
        var manifold = Manifold.Decode(z => zeros(z.shape[0], 784), 5, scale: 2);

        var html = manifold.ToHtml();

        var ticks = Regex.Matches(html, "<span[^>]*>([^<]+)</span>").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(["3", "1.5", "0", "-1.5", "-3", "-3", "-1.5", "0", "1.5", "3"], ticks);
        Assert.Contains("z[0]", html);
        Assert.Contains("z[1]", html);
        Assert.Contains("width=\"280\" height=\"280\"", html);
    }

    [Fact]
    public void Crowded_axes_label_every_other_tile()
    {
        var manifold = Manifold.Decode(z => zeros(z.shape[0], 784), 30, scale: 1);

        var ticks = Regex.Matches(manifold.ToHtml(), "<span[^>]*>([^<]+)</span>").Count;

        Assert.Equal(30, ticks);
    }

    [Fact]
    public void A_decoder_that_returns_the_wrong_count_is_reported()
    {
        var error = Assert.Throws<ArgumentException>(() => Manifold.Decode(z => zeros(5, 784), 3));

        Assert.Contains("returned [5, 784] for 9 latent points", error.Message);
    }
}
