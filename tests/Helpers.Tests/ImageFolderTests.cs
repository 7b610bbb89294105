using SkiaSharp;

namespace Helpers.Tests;

public class ImageFolderTests : TempFolderTest
{
    [Fact]
    public void Sub_folders_become_sorted_classes_and_grey_images_one_channel()
    {
        using var scope = NewDisposeScope();
        Png("zebra/b.png", 4, 3, 255);
        Png("ant/b.png", 4, 3, 0);
        Png("ant/a.PNG", 4, 3, 51);   // cameras and Windows tools write upper-case extensions
        File.WriteAllText(Temp.File("ant/notes.txt"), "not an image, and not read");

        using var set = ImageFolder.Load(Temp.Path);

        Assert.Equal(["ant", "zebra"], set.ClassNames);
        Assert.Equal([3L, 1, 3, 4], set.Images.shape);
        Assert.Equal([0L, 0, 1], set.Labels.data<long>().ToArray());
        Assert.Equal([0.2f, 0f, 1f], set.Images[.., 0, 0, 0].data<float>().ToArray());
    }

    [Fact]
    public void Every_format_size_and_colour_type_is_read_and_resized_to_one_size()
    {
        using var scope = NewDisposeScope();
        ImageFiles.Skia(Temp.File("a/photo.jpg"), SKEncodedImageFormat.Jpeg, 12, 9, ImageFiles.Solid(12, 9, 200, 40, 40, 255));
        ImageFiles.Bmp(Temp.File("a/drawing.bmp"), 5, 3, ImageFiles.Solid(5, 3, 10, 200, 30));
        ImageFiles.PythonPng(Temp.File("b/deep.png"), 3, 2, depth: 16, colour: 2, ImageFiles.Solid(3, 2, 0x64, 0x64, 0, 0, 0xFF, 0xFF));
        ImageFiles.PythonPng(Temp.File("b/grey-alpha.png"), 2, 2, depth: 8, colour: 4, ImageFiles.Solid(2, 2, 77, 0));
        ImageFiles.Skia(Temp.File("b/lossless.webp"), SKEncodedImageFormat.Webp, 7, 7, ImageFiles.Solid(7, 7, 30, 60, 250, 128));
        ImageFiles.PythonPng(Temp.File("b/palette.png"), 4, 4, depth: 8, colour: 3, ImageFiles.Solid(4, 4, 1), palette: [0, 0, 255, 255, 255, 0]);

        using var set = ImageFolder.Load(Temp.Path, height: 6, width: 8);

        Assert.Equal([6L, 3, 6, 8], set.Images.shape);
        Assert.Equal([0L, 0, 1, 1, 1, 1], set.Labels.data<long>().ToArray());
        // Files in ordinal order; each is one colour, so every pixel of the resized image is that colour. Alpha is
        // dropped, not composited (grey-alpha and the WebP are partly or fully transparent); JPEG is near, not exact.
        (byte R, byte G, byte B, int Tolerance)[] expected =
            [(10, 200, 30, 0), (200, 40, 40, 3), (100, 0, 255, 0), (77, 77, 77, 0), (30, 60, 250, 0), (255, 255, 0, 0)];
        for (var i = 0; i < expected.Length; i++)
        {
            using var bytes = set.Images[i].mul(255).round();
            var (r, g, b, tolerance) = expected[i];
            foreach (var (channel, value) in new[] { (0, r), (1, g), (2, b) })
            {
                Assert.InRange(bytes[channel].min().item<float>(), value - tolerance, value + tolerance);
                Assert.InRange(bytes[channel].max().item<float>(), value - tolerance, value + tolerance);
            }
        }
    }

    [Fact]
    public void Grey_is_asked_for_by_channels_1_and_made_by_luma()
    {
        using var scope = NewDisposeScope();
        ImageFiles.Skia(Temp.File("c/red.png"), SKEncodedImageFormat.Png, 2, 2, ImageFiles.Solid(2, 2, 200, 40, 40, 255));
        ImageFiles.Skia(Temp.File("c/grey.jpg"), SKEncodedImageFormat.Jpeg, 2, 2, ImageFiles.Solid(2, 2, 128));

        using var grey = ImageFolder.Load(Temp.Path, channels: 1);
        using var rgb = ImageFolder.Load(Temp.Path);

        Assert.Equal([2L, 1, 2, 2], grey.Images.shape);
        Assert.Equal(88f, grey.Images[1, 0, 0, 0].mul(255).round().item<float>()); // 0.299 * 200 + 0.587 * 40 + 0.114 * 40
        Assert.InRange(grey.Images[0, 0, 0, 0].mul(255).round().item<float>(), 127, 129);
        Assert.Equal([2L, 3, 2, 2], rgb.Images.shape);                                // one image has colour
        using var greyInRgb = rgb.Images[0, .., 1, 1].mul(255).round();
        Assert.Equal(greyInRgb.min().item<float>(), greyInRgb.max().item<float>()); // grey repeated into R, G and B
    }

    [Fact]
    public void Colour_files_of_grey_pictures_load_as_one_channel_unless_rgb_is_asked_for()
    {
        using var scope = NewDisposeScope();
        ImageFiles.Skia(Temp.File("c/rgb-file.png"), SKEncodedImageFormat.Png, 3, 3, ImageFiles.Solid(3, 3, 90, 90, 90, 255));

        using var auto = ImageFolder.Load(Temp.Path);
        using var rgb = ImageFolder.Load(Temp.Path, channels: 3);

        Assert.Equal([1L, 1, 3, 3], auto.Images.shape);
        Assert.Equal([1L, 3, 3, 3], rgb.Images.shape);
        Assert.Equal(90f, auto.Images.max().mul(255).round().item<float>());
    }

    [Fact]
    public void Enlarging_is_bilinear_with_pixel_centres_aligned()
    {
        using var scope = NewDisposeScope();
        // A 2x1 image, black then grey 200, stretched to 4 wide: pixel centres at 1/8, 3/8, 5/8, 7/8.
        Png("only/ramp.png", 2, 1, [0, 200]);

        using var set = ImageFolder.Load(Temp.Path, height: 1, width: 4);

        Assert.Equal([0f, 50f, 150f, 200f], set.Images.flatten().mul(255).round().data<float>().ToArray());
    }

    [Fact]
    public void Shrinking_averages_fine_detail_instead_of_aliasing_it()
    {
        using var scope = NewDisposeScope();
        // A one-pixel checkerboard shrunk 9 times: the target's pixel centres fall on source pixel centres, so
        // sampling there (plain bilinear) would give a coarse black-and-white checkerboard; averaging gives grey.
        var pixels = Enumerable.Range(0, 63 * 63).Select(p => (byte)((p % 63 + p / 63) % 2 * 255)).ToArray();
        Png("only/checks.png", 63, 63, pixels);

        using var set = ImageFolder.Load(Temp.Path, height: 7, width: 7);

        var bytes = set.Images.mul(255).round();
        Assert.InRange(bytes.min().item<float>(), 120, 135);
        Assert.InRange(bytes.max().item<float>(), 120, 135);
    }

    [Fact]
    public void Different_sizes_without_a_target_size_name_every_odd_file()
    {
        Png("c/a-big.png", 5, 5, 0);
        Png("c/b-small.png", 4, 4, 0);
        Png("c/c-same.png", 5, 5, 0);
        Png("c/d-wide.png", 6, 5, 0);

        var error = Assert.Throws<InvalidDataException>(() => ImageFolder.Load(Temp.Path));

        Assert.Contains("2 of the 4 image files", error.Message);
        Assert.Contains("b-small.png: 4x4, but " + Temp.File("c/a-big.png") + " is 5x5; pass height and width", error.Message);
        Assert.Contains("d-wide.png: 6x5, but", error.Message);
        Assert.DoesNotContain("c-same.png:", error.Message);
    }

    [Fact]
    public void Broken_files_are_all_named_with_what_was_wrong_before_anything_loads()
    {
        var noise = new byte[48 * 48 * 4];
        new Random(12).NextBytes(noise);
        ImageFiles.Skia(Temp.File("ok/noise.png"), SKEncodedImageFormat.Png, 48, 48, noise);
        ImageFiles.Skia(Temp.File("ok/noise.jpg"), SKEncodedImageFormat.Jpeg, 48, 48, noise);
        ImageFiles.Skia(Temp.File("ok/noise.webp"), SKEncodedImageFormat.Webp, 48, 48, noise);
        ImageFiles.Bmp(Temp.File("ok/noise.bmp"), 48, 48, noise[..(48 * 48 * 3)]);
        var (png, jpeg, webp, bmp) = (Bytes("ok/noise.png"), Bytes("ok/noise.jpg"), Bytes("ok/noise.webp"), Bytes("ok/noise.bmp"));
        File.WriteAllBytes(Temp.File("bad/cut.png"), png[..(png.Length / 2)]);
        File.WriteAllBytes(Temp.File("bad/no-end.png"), png[..(png.Length - 12)]);   // all pixel data, no IEND chunk
        File.WriteAllBytes(Temp.File("bad/cut.jpg"), jpeg[..(jpeg.Length / 2)]);
        File.WriteAllBytes(Temp.File("bad/cut.webp"), webp[..(webp.Length / 2)]);
        File.WriteAllBytes(Temp.File("bad/cut.bmp"), bmp[..(bmp.Length / 2)]);
        File.WriteAllBytes(Temp.File("bad/damaged.png"), png.Select((b, i) => i > 200 && i < 400 ? (byte)~b : b).ToArray());
        File.WriteAllText(Temp.File("bad/text.png"), "not a png");
        File.WriteAllBytes(Temp.File("bad/empty.bmp"), []);
        File.WriteAllBytes(Temp.File("bad/really-a-gif.png"), Gif1x1);

        var error = Assert.Throws<InvalidDataException>(() => ImageFolder.Load(Temp.Path, height: 8, width: 8));

        var lines = error.Message.Split('\n');
        Assert.Equal($"9 of the 13 image files in {Temp.Path} cannot be used, so nothing was loaded:", lines[0]);
        Assert.Equal(
            [
                $"  {Temp.File("bad/cut.bmp")}: truncated: the data of its 48x48 BMP image ends early (the file has {bmp.Length / 2} bytes)",
                $"  {Temp.File("bad/cut.jpg")}: truncated: the data of its 48x48 JPEG image ends early (the file has {jpeg.Length / 2} bytes)",
                $"  {Temp.File("bad/cut.png")}: truncated: the data of its 48x48 PNG image ends early (the file has {png.Length / 2} bytes)",
                $"  {Temp.File("bad/cut.webp")}: truncated: the data of its 48x48 WebP image ends early (the file has {webp.Length / 2} bytes)",
                $"  {Temp.File("bad/damaged.png")}: corrupt: the data of its 48x48 PNG image cannot be decoded",
                $"  {Temp.File("bad/empty.bmp")}: is empty (0 bytes); expected a PNG, JPEG, BMP or WebP image",
                $"  {Temp.File("bad/no-end.png")}: truncated: the file ({png.Length - 12} bytes) ends before the PNG's end chunk (IEND)",
                $"  {Temp.File("bad/really-a-gif.png")}: is a GIF image; expected a PNG, JPEG, BMP or WebP image",
                $"  {Temp.File("bad/text.png")}: not a PNG, JPEG, BMP or WebP image (it starts with the bytes 6E6F74206120706E)",
            ],
            lines[1..]);
    }

    private byte[] Bytes(string relative) => File.ReadAllBytes(Temp.File(relative));

    [Fact]
    public void Bad_arguments_say_what_is_expected()
    {
        Png("c/a.png", 2, 2, 0);

        Assert.Contains("give both height and width", Assert.Throws<ArgumentException>(() => ImageFolder.Load(Temp.Path, height: 4)).Message);
        Assert.Contains("must be positive", Assert.Throws<ArgumentOutOfRangeException>(() => ImageFolder.Load(Temp.Path, 0, 4)).Message);
        Assert.Contains("1 (grey) or 3 (RGB)", Assert.Throws<ArgumentOutOfRangeException>(() => ImageFolder.Load(Temp.Path, channels: 4)).Message);
        Assert.Contains("has no sub-folders", Assert.Throws<InvalidDataException>(() => ImageFolder.Load(Temp.File("c"))).Message);
    }

    /// <summary>The smallest GIF: 1x1, a two-colour global table, one image with a two-byte LZW stream.</summary>
    private static readonly byte[] Gif1x1 =
        [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255, (byte)',', 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, (byte)';'];

    private void Png(string relative, int width, int height, byte value) => Png(relative, width, height, ImageFiles.Solid(width, height, value));

    private void Png(string relative, int width, int height, byte[] grey) =>
        ImageFiles.Skia(Temp.File(relative), SKEncodedImageFormat.Png, width, height, grey);
}
