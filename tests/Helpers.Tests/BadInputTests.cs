using System.Runtime.InteropServices;
using static TorchSharp.torch.nn;

namespace Helpers.Tests;

/// <summary>
/// What a user gets from bad data files and bad shapes: a managed exception that names the file or the shape,
/// after which the process carries on.
/// </summary>
public class BadInputTests : TempFolderTest
{
    private string ImageFile => Path.Combine(Temp.Path, "mnist", "train-images-idx3-ubyte");

    [Fact]
    public void A_truncated_image_file_is_named_with_the_sizes_and_a_good_set_loads_afterwards()
    {
        IdxWriter.WriteSet(Path.Combine(Temp.Path, "mnist"), "train", count: 3);
        var whole = File.ReadAllBytes(ImageFile);
        File.WriteAllBytes(ImageFile, whole[..^100]);

        var error = Assert.Throws<InvalidDataException>(() => Mnist.Load(Temp.Path, Split.Train));

        Assert.Equal($"train-images-idx3-ubyte: expected {whole.Length} bytes for 3x28x28, found {whole.Length - 100}", error.Message);
        File.WriteAllBytes(ImageFile, whole);
        using var set = Mnist.Load(Temp.Path, Split.Train);
        Assert.Equal(3, set.Count);
    }

    [Fact]
    public void A_file_with_the_wrong_magic_is_named()
    {
        IdxWriter.WriteSet(Path.Combine(Temp.Path, "mnist"), "train", count: 2);
        var bytes = File.ReadAllBytes(ImageFile);
        (bytes[0], bytes[1]) = ((byte)'P', (byte)'K');
        File.WriteAllBytes(ImageFile, bytes);

        var error = Assert.Throws<InvalidDataException>(() => Mnist.Load(Temp.Path, Split.Train));

        Assert.StartsWith("train-images-idx3-ubyte: not an IDX file", error.Message);
    }

    [Fact]
    public void A_missing_labels_file_is_named_with_the_set_up_to_run()
    {
        IdxWriter.WriteSet(Path.Combine(Temp.Path, "mnist"), "train", count: 2);
        File.Delete(Path.Combine(Temp.Path, "mnist", "train-labels-idx1-ubyte"));

        var error = Assert.Throws<FileNotFoundException>(() => Mnist.Load(Temp.Path, Split.Train));

        Assert.Contains("train-labels-idx1-ubyte", error.Message);
        Assert.Contains("scripts/fetch-data.sh", error.Message);
    }

    [Fact]
    public void A_summary_of_a_model_given_the_wrong_input_shape_names_the_shape_and_libtorchs_reason()
    {
        using var model = Sequential(("hidden", Linear(4, 3)), ("out", Linear(3, 1)));

        var error = Assert.Throws<ArgumentException>(() => ModelSummary.Of(model, [5]));

        Assert.Contains("zero input of shape [2, 5]", error.Message);
        Assert.Contains("mat1 and mat2 shapes cannot be multiplied (2x5 and 4x3)", error.Message);
        Assert.Equal(19, ModelSummary.Of(model, [4]).TotalParameters);
    }

    [Fact]
    public void A_shape_error_inside_a_training_step_surfaces_as_libtorchs_message_and_training_carries_on()
    {
        using var x = randn(8, 4);
        using var y = randn(8, 2);
        using var model = Linear(4, 1);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var data = new Batches(x, y, 4, disposeBatch: false);

        var error = Assert.ThrowsAny<ExternalException>(() =>
            Epoch.Train(model, optimizer, data, (bx, by) => functional.mse_loss(model.call(by), bx)));
        Assert.Contains("mat1 and mat2 shapes cannot be multiplied (4x2 and 4x1)", error.Message);

        var loss = Epoch.Train(model, optimizer, data, (bx, by) => functional.mse_loss(model.call(bx), by[.., ..1]));
        Assert.True(double.IsFinite(loss));
    }
}
