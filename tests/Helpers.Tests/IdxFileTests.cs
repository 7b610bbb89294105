namespace Helpers.Tests;

public class IdxFileTests : TempFolderTest
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reads_back_what_was_written_raw_or_gzipped(bool gzip)
    {
        var path = Temp.File("images-idx3-ubyte");
        var elements = Enumerable.Range(0, 2 * 3 * 4).Select(i => (byte)(i * 7)).ToArray();
        IdxWriter.Write(path, IdxWriter.Bytes([2, 3, 4], elements), gzip);

        var (dims, read) = IdxFile.Read(path, rank: 3);

        Assert.Equal([2, 3, 4], dims);
        Assert.Equal(elements, read);
    }

    [Fact]
    public void A_truncated_file_names_the_file_and_the_sizes()
    {
        var path = Temp.File("train-images-idx3-ubyte");
        IdxWriter.Write(path, IdxWriter.Bytes([60000, 28, 28], new byte[1000 - 16]));

        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path, rank: 3));

        Assert.Equal("train-images-idx3-ubyte: expected 47040016 bytes for 60000x28x28, found 1000", error.Message);
    }

    [Fact]
    public void A_truncated_gzip_file_reports_the_decompressed_size()
    {
        var path = Temp.File("labels.gz");
        IdxWriter.Write(path, IdxWriter.Bytes([100], new byte[50]), gzip: true);

        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path, rank: 1));

        Assert.Equal("labels.gz: expected 108 bytes for 100, found 58 (after decompression)", error.Message);
    }

    [Fact]
    public void Wrong_magic_bytes_are_rejected()
    {
        var path = Temp.File("not-idx");
        IdxWriter.Write(path, IdxWriter.Bytes([1], [0], magic: [0x50, 0x4B]));

        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path, rank: 1));

        Assert.Equal("not-idx: not an IDX file: expected magic bytes 00 00, found 50 4b", error.Message);
    }

    [Fact]
    public void A_wrong_number_of_dimensions_is_rejected()
    {
        var path = Temp.File("labels-as-images");
        IdxWriter.Write(path, IdxWriter.Bytes([10], new byte[10]));

        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path, rank: 3));

        Assert.Equal("labels-as-images: expected 3 dimensions, found 1", error.Message);
    }

    [Fact]
    public void Element_types_other_than_unsigned_byte_are_rejected_by_name()
    {
        var path = Temp.File("floats");
        IdxWriter.Write(path, IdxWriter.Bytes([1], new byte[4], type: 0x0D));

        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path, rank: 1));

        Assert.Equal("floats: element type 0x0d (float32) is not supported; expected 0x08 (unsigned byte)", error.Message);
    }

    [Fact]
    public void A_label_count_that_differs_from_the_image_count_names_both_files()
    {
        IdxWriter.WriteSet(Path.Combine(Temp.Path, "mnist"), "t10k", count: 5, labelCount: 4);

        var error = Assert.Throws<InvalidDataException>(() => Mnist.Load(Temp.Path, Split.Test));

        Assert.Equal("t10k-images-idx3-ubyte holds 5 images but t10k-labels-idx1-ubyte holds 4 labels", error.Message);
    }

    [Fact]
    public void A_small_set_loads_as_scaled_images_and_labels_with_limit()
    {
        IdxWriter.WriteSet(Path.Combine(Temp.Path, "fashion-mnist"), "train", count: 12, gzip: true);

        using var set = FashionMnist.Load(Temp.Path, Split.Train, limit: 11);

        Assert.Equal([11, 1, 28, 28], set.Images.shape);
        Assert.Equal(ScalarType.Float32, set.Images.dtype);
        Assert.Equal(10f / 255, set.Images[10, 0, 27, 27].item<float>(), 6);
        Assert.Equal([0L, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0], set.Labels.data<long>().ToArray());
        Assert.Equal("Ankle boot", set.ClassNames[9]);
    }

    [Fact]
    public void A_missing_file_says_to_run_the_set_up()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Mnist.Load(Temp.Path, Split.Train));

        Assert.Contains("train-images-idx3-ubyte", error.Message);
        Assert.Contains("scripts/fetch-data.sh", error.Message);
    }
}
