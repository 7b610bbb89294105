namespace Helpers.Tests;

/// <summary>The PNG files SkiaSharp writes for the helpers' rasters, read back by an independent decoder.</summary>
public class PngTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Grey_stays_one_channel_and_rgb_three_with_every_pixel_kept(int channels)
    {
        var image = Gradient(31, 17, channels);

        var read = PythonPngCheck.Decode(Png.Encode(image));

        Assert.Equal((31, 17, channels), (read.Width, read.Height, read.Channels));
        Assert.Equal(image.Pixels, read.Pixels);
    }

    [Fact]
    public void A_raster_of_another_channel_count_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Png.Encode(new Raster(2, 2, 2, new byte[8])));

        Assert.Contains("1 (grey) or 3 (RGB) channels, got 2", error.Message);
    }

    private static Raster Gradient(int width, int height, int channels)
    {
        var pixels = new byte[width * height * channels];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i / channels % width * 9 + i / (width * channels) * 5 + i % channels * 60);
        return new Raster(width, height, channels, pixels);
    }
}
