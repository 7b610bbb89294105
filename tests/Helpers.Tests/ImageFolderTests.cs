namespace Helpers.Tests;

public class ImageFolderTests : TempFolderTest
{
    [Fact]
    public void Sub_folders_become_sorted_classes_and_grey_images_one_channel()
    {
        Save("zebra/b.png", Solid(4, 3, 1, 255));
        Save("ant/b.png", Solid(4, 3, 1, 0));
        Save("ant/a.PNG", Solid(4, 3, 1, 51));   // cameras and Windows tools write upper-case extensions

        using var set = ImageFolder.Load(Temp.Path);

        Assert.Equal(["ant", "zebra"], set.ClassNames);
        Assert.Equal([3L, 1, 3, 4], set.Images.shape);
        Assert.Equal([0L, 0, 1], set.Labels.data<long>().ToArray());
        Assert.Equal([0.2f, 0f, 1f], set.Images[.., 0, 0, 0].data<float>().ToArray());
    }

    [Fact]
    public void Any_colour_image_makes_all_rgb_and_alpha_is_dropped()
    {
        Save("a/grey.png", Solid(2, 2, 1, 100));
        Save("b/rgba.png", new Raster(2, 2, 4, Enumerable.Repeat(new byte[] { 10, 20, 30, 0 }, 4).SelectMany(p => p).ToArray()));

        using var set = ImageFolder.Load(Temp.Path);

        Assert.Equal([2L, 3, 2, 2], set.Images.shape);
        Assert.Equal([100f, 100f, 100f], set.Images[0, .., 1, 1].mul(255).round().data<float>().ToArray());
        Assert.Equal([10f, 20f, 30f], set.Images[1, .., 1, 1].mul(255).round().data<float>().ToArray());
    }

    [Fact]
    public void Images_are_resized_bilinearly_when_a_size_is_given()
    {
        // A 2x1 image, black then white, stretched to 4 wide: pixel centres at 1/8, 3/8, 5/8, 7/8.
        Save("only/ramp.png", new Raster(2, 1, 1, [0, 200]));

        using var set = ImageFolder.Load(Temp.Path, height: 1, width: 4);

        Assert.Equal([0f, 50f, 150f, 200f], set.Images.flatten().mul(255).round().data<float>().ToArray());
    }

    [Fact]
    public void Different_sizes_without_a_target_size_name_the_files()
    {
        Save("c/big.png", Solid(5, 5, 1, 0));
        Save("c/small.png", Solid(4, 4, 1, 0));

        var error = Assert.Throws<InvalidDataException>(() => ImageFolder.Load(Temp.Path));

        Assert.Contains("small.png is 4x4 but", error.Message);
        Assert.Contains("big.png is 5x5", error.Message);
    }

    [Fact]
    public void A_broken_file_is_named()
    {
        Save("c/good.png", Solid(2, 2, 1, 0));
        File.WriteAllText(Temp.File("c/bad.png"), "not a png");

        var error = Assert.Throws<InvalidDataException>(() => ImageFolder.Load(Temp.Path));

        Assert.Contains("bad.png: not a PNG file", error.Message);
    }

    private void Save(string relative, Raster image) => File.WriteAllBytes(Temp.File(relative), PngEncoder.Encode(image));

    private static Raster Solid(int width, int height, int channels, byte value) =>
        new(width, height, channels, Enumerable.Repeat(value, width * height * channels).ToArray());
}
