using System.Text.RegularExpressions;

namespace Helpers.Tests;

public class ImageGridTests : TempFolderTest
{
    [Fact]
    public void The_png_is_the_grid_of_scaled_images_with_gaps()
    {
        using var images = rand(7, 1, 28, 28);

        var grid = new ImageGrid(images, columns: 3, scale: 2);

        var gap = ImageGrid.Gap;
        Assert.Equal((3 * 56 + 2 * gap, 3 * 56 + 2 * gap), PngSize.Of(grid.ToPng()));
        Assert.Equal((3, 3), (grid.Columns, grid.Rows));
    }

    [Fact]
    public void Pixels_land_in_their_cells_with_values_scaled_to_bytes()
    {
        // Image i is a flat grey of value i / 8; grey 1-channel PNG, scale 1.
        using var images = arange(4, float32).div(8).view(4, 1, 1, 1).expand(4, 1, 2, 2).contiguous();

        var read = PythonPngCheck.Decode(new ImageGrid(images, columns: 2, scale: 1).ToPng());

        Assert.Equal((2 * 2 + ImageGrid.Gap, 1), (read.Width, read.Channels));
        int At(int x, int y) => read[y, x, 0];
        Assert.Equal([0, 32, 64, 96], new[] { At(0, 0), At(2 + ImageGrid.Gap, 0), At(1, 3 + ImageGrid.Gap), At(5, 5) });
        Assert.Equal(255, At(2, 0)); // the gap is white
    }

    [Fact]
    public void Html_shows_each_image_under_its_title()
    {
        using var images = rand(3, 28 * 28);
        using var labels = tensor(new long[] { 9, 0, 4 });

        var html = new ImageGrid(images, labels, FashionMnist.ClassNames).ToHtml();

        Assert.Equal(3, Regex.Matches(html, "<img ").Count);
        Assert.Equal(3, Regex.Matches(html, "src=\"data:image/png;base64,").Count);
        Assert.Equal(["Ankle boot", "T-shirt/top", "Coat"],
            Regex.Matches(html, "<figcaption[^>]*>([^<]*)</figcaption>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)));
        Assert.Contains("width=\"56\" height=\"56\"", html);
    }

    [Fact]
    public void Each_html_image_is_a_png_of_its_own_pixels_at_their_size()
    {
        using var scope = NewDisposeScope();
        // Image i is 3 wide and 2 high, grey i / 4 on the left column and white elsewhere.
        using var images = ones(3, 1, 2, 3);
        for (var i = 0; i < 3; i++) images[i, 0, .., 0] = tensor(i / 4f);

        var html = new ImageGrid(images, columns: 2, scale: 3).ToHtml();

        var pngs = Regex.Matches(html, "src=\"data:image/png;base64,([^\"]+)\"").Select(m => PythonPngCheck.Decode(Convert.FromBase64String(m.Groups[1].Value))).ToArray();
        Assert.Equal(3, pngs.Length);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal((3, 2, 1), (pngs[i].Width, pngs[i].Height, pngs[i].Channels));
            var left = (byte)Math.Round(i / 4.0 * 255);
            Assert.Equal(new byte[] { left, 255, 255, left, 255, 255 }, pngs[i].Pixels);
        }
        Assert.Contains("width=\"9\" height=\"6\"", html); // the browser enlarges, the PNG keeps the image's own pixels
    }

    [Fact]
    public void Colour_images_stay_in_colour()
    {
        using var images = zeros(2, 3, 4, 4);
        images[.., 0].fill_(1); // pure red

        var read = PythonPngCheck.Decode(new ImageGrid(images, scale: 1).ToPng());

        Assert.Equal(3, read.Channels);
        Assert.Equal((255, 0, 0), (read[0, 0, 0], read[0, 0, 1], read[0, 0, 2]));
    }

    [Fact]
    public void The_grid_keeps_its_pixels_after_the_tensor_is_disposed()
    {
        var images = rand(2, 28, 28);
        var grid = new ImageGrid(images);
        images.Dispose();

        Assert.Equal((2 * 56 + ImageGrid.Gap, 56), PngSize.Of(grid.ToPng()));
    }

    [Fact]
    public void Shapes_it_cannot_show_and_wrong_title_counts_are_explained()
    {
        using var odd = rand(2, 10);
        using var four = rand(2, 4, 5, 5);
        using var fine = rand(2, 5, 5);

        Assert.Contains("[N, H*W] with square images, got [2, 10]", Assert.Throws<ArgumentException>(() => new ImageGrid(odd)).Message);
        Assert.Contains("1 (grey) or 3 (RGB) channels, got 4", Assert.Throws<ArgumentException>(() => new ImageGrid(four)).Message);
        Assert.Contains("1 titles for 2 images", Assert.Throws<ArgumentException>(() => new ImageGrid(fine, titles: ["a"])).Message);
    }

    [Fact]
    public void Saved_files_are_complete_and_leave_no_temporary_files()
    {
        using var images = rand(4, 1, 8, 8);
        var grid = new ImageGrid(images, titles: ["a", "b", "c", "<d>"]);

        grid.SavePng(Temp.File("out/grid.png"));
        grid.SaveHtml(Temp.File("out/grid.html"));

        Assert.Equal(grid.ToPng(), File.ReadAllBytes(Temp.File("out/grid.png")));
        var page = File.ReadAllText(Temp.File("out/grid.html"));
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains("&lt;d&gt;", page);
        Assert.DoesNotContain("plotly", page);
        Assert.Equal(["grid.html", "grid.png"], Directory.GetFiles(Temp.File("out")).Select(Path.GetFileName).Order());
    }
}
