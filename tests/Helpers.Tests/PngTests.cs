using System.Buffers.Binary;

namespace Helpers.Tests;

public class PngTests : TempFolderTest
{
    public static TheoryData<int> ChannelCounts => new() { 1, 2, 3, 4 };

    [Theory]
    [MemberData(nameof(ChannelCounts))]
    public void Our_decoder_reads_what_our_encoder_writes(int channels)
    {
        var image = Gradient(13, 7, channels);

        var decoded = PngDecoder.Decode(PngEncoder.Encode(image), "gradient.png");

        Assert.Equal((13, 7, channels), (decoded.Width, decoded.Height, decoded.Channels));
        Assert.Equal(image.Pixels, decoded.Pixels);
    }

    [Theory]
    [InlineData(0)] // none
    [InlineData(1)] // sub
    [InlineData(2)] // up
    [InlineData(3)] // average
    [InlineData(4)] // Paeth
    public void Each_row_filter_round_trips(int filter)
    {
        var image = Gradient(9, 5, 3);

        var png = PngEncoder.Encode(image, (PngFormat.Filter)filter);

        Assert.Equal(image.Pixels, PngDecoder.Decode(png, "filtered.png").Pixels);
        Assert.Equal(image.Pixels, PythonRead(png).Pixels);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Python_with_zlib_accepts_our_png_and_reads_the_same_pixels(int channels)
    {
        var image = Gradient(31, 17, channels);

        var read = PythonRead(PngEncoder.Encode(image));

        Assert.Equal((31, 17, channels), (read.Width, read.Height, read.Channels));
        Assert.Equal(image.Pixels, read.Pixels);
    }

    [Fact]
    public void A_file_without_the_signature_is_rejected_by_name()
    {
        var path = Temp.File("photo.png");
        File.WriteAllBytes(path, "GIF89a-not-a-png"u8.ToArray());

        var error = Assert.Throws<InvalidDataException>(() => PngDecoder.Read(path));

        Assert.StartsWith(path + ": not a PNG file", error.Message);
    }

    [Fact]
    public void A_damaged_chunk_fails_its_crc()
    {
        var png = PngEncoder.Encode(Gradient(8, 8, 1));
        png[png.Length - 20] ^= 0xFF; // inside IDAT

        var error = Assert.Throws<InvalidDataException>(() => PngDecoder.Decode(png, "damaged.png"));

        Assert.StartsWith("damaged.png: CRC mismatch in chunk IDAT", error.Message);
    }

    [Fact]
    public void A_truncated_file_is_rejected_by_name()
    {
        var png = PngEncoder.Encode(Gradient(8, 8, 3));

        var error = Assert.Throws<InvalidDataException>(() => PngDecoder.Decode(png[..(png.Length - 30)], "cut.png"));

        Assert.StartsWith("cut.png: truncated", error.Message);
    }

    [Theory]
    [InlineData(8, 3, 0, "palette (indexed-colour) PNGs are not supported")]
    [InlineData(16, 0, 0, "bit depth 16 is not supported")]
    [InlineData(8, 2, 1, "interlaced (Adam7) PNGs are not supported")]
    public void Unsupported_kinds_say_what_they_are(byte depth, byte colour, byte interlace, string message)
    {
        var png = WithHeader(PngEncoder.Encode(Gradient(4, 4, 3)), depth, colour, interlace);

        var error = Assert.Throws<InvalidDataException>(() => PngDecoder.Decode(png, "odd.png"));

        Assert.StartsWith("odd.png: " + message, error.Message);
    }

    [Fact]
    public void Smooth_images_compress_better_with_adaptive_filters()
    {
        var image = Gradient(64, 64, 1);

        Assert.True(PngEncoder.Encode(image).Length < PngEncoder.Encode(image, PngFormat.Filter.None).Length);
    }

    private (int Width, int Height, int Channels, byte[] Pixels) PythonRead(byte[] png)
    {
        var path = Temp.File($"{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, png);
        return PythonPngCheck.Read(path);
    }

    internal static Raster Gradient(int width, int height, int channels)
    {
        var pixels = new byte[width * height * channels];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i / channels % width * 9 + i / (width * channels) * 5 + i % channels * 60);
        return new Raster(width, height, channels, pixels);
    }

    /// <summary>Rewrites the IHDR fields (with a valid CRC), as a tool writing those kinds would.</summary>
    private static byte[] WithHeader(byte[] png, byte depth, byte colour, byte interlace)
    {
        var copy = (byte[])png.Clone();
        (copy[24], copy[25], copy[28]) = (depth, colour, interlace);
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(29), Crc32.Compute(copy.AsSpan(12, 17)));
        return copy;
    }
}
