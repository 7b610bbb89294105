using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Helpers.Tests;

/// <summary>Checkpoint files: TorchSharp's state-dict format, whole or not at all, and mismatches named before anything is copied.</summary>
public class CheckpointFileTests : TempFolderTest
{
    private sealed class Net : Module<Tensor, Tensor>
    {
        private readonly Linear hidden, output;
        private readonly Linear? extra;

        public Net(long width = 32, bool withExtra = false) : base(nameof(Net))
        {
            hidden = Linear(8, width);
            output = Linear(width, 2);
            extra = withExtra ? Linear(2, 2) : null;
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            var y = output.call(functional.relu(hidden.call(x)));
            return (extra is null ? y : extra.call(y)).MoveToOuterDisposeScope();
        }
    }

    [Fact]
    public void A_saved_model_loads_into_a_fresh_one_with_identical_predictions_in_torchsharps_own_format()
    {
        using var scope = NewDisposeScope();
        var path = Temp.File("net.bin");
        using var trained = new Net();
        using var fresh = new Net();
        using var viaTorchSharp = new Net();
        var x = rand(5, 8);

        Checkpoint.Save(trained, path);
        Assert.False(fresh.call(x).Equals(trained.call(x)));
        Checkpoint.Load(fresh, path);
        viaTorchSharp.load(path);

        Assert.True(fresh.call(x).Equals(trained.call(x)));
        Assert.True(viaTorchSharp.call(x).Equals(trained.call(x)));
        Assert.Equal(["net.bin"], Directory.GetFiles(Temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_file_written_by_module_save_loads_through_the_checkpoint()
    {
        using var scope = NewDisposeScope();
        var path = Temp.File("net.bin");
        using var trained = new Net();
        using var fresh = new Net();
        trained.save(path);

        Checkpoint.Load(fresh, path);

        var x = rand(3, 8);
        Assert.True(fresh.call(x).Equals(trained.call(x)));
    }

    [Fact]
    public void A_mismatched_file_names_itself_and_every_tensor_that_differs_and_leaves_the_model_as_it_was()
    {
        using var scope = NewDisposeScope();
        var path = Temp.File("net.bin");
        using (var saved = new Net(withExtra: true)) Checkpoint.Save(saved, path);
        using var narrower = new Net(width: 16);
        var before = narrower.parameters().Select(p => p.clone()).ToList();

        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(narrower, path));

        Assert.Contains(path, error.Message);
        Assert.Contains("hidden.weight: file has Float32 [32, 8], model has Float32 [16, 8]", error.Message);
        Assert.Contains("hidden.bias: file has Float32 [32], model has Float32 [16]", error.Message);
        Assert.Contains("output.weight: file has Float32 [2, 32], model has Float32 [2, 16]", error.Message);
        Assert.Contains("unexpected extra.weight Float32 [2, 2]", error.Message);
        Assert.DoesNotContain("output.bias", error.Message);
        Assert.All(narrower.parameters().Zip(before), pair => Assert.True(pair.First.Equals(pair.Second)));

        using var wider = new Net(withExtra: true);
        Checkpoint.Save(new Net(), path);
        var missing = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(wider, path));
        Assert.Contains("missing extra.weight Float32 [2, 2]; missing extra.bias Float32 [2]", missing.Message);
    }

    [Fact]
    public void A_truncated_or_foreign_file_is_named_in_the_error()
    {
        var path = Temp.File("net.bin");
        using var model = new Net();
        Checkpoint.Save(model, path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var truncated = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(model, path));
        Assert.Contains($"{path} is truncated or not a TorchSharp state-dict file", truncated.Message);

        File.WriteAllText(path, "{ \"not\": \"a state dict\" }");
        var foreign = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(model, path));
        Assert.Contains(path, foreign.Message);

        var absent = Temp.File("absent.bin");
        var missing = Assert.Throws<FileNotFoundException>(() => Checkpoint.Load(model, absent));
        Assert.Contains(absent, missing.Message);
    }

    [Fact]
    public void Named_tensors_of_every_common_dtype_round_trip_in_place()
    {
        using var scope = NewDisposeScope();
        var path = Temp.File("tensors.bin");
        var original = new Dictionary<string, Tensor>
        {
            ["float"] = randn(3, 200),
            ["double"] = randn([2, 2], float64),
            ["long"] = arange(300),
            ["flags"] = rand(5) > 0.5,
            ["scalar"] = tensor(2.5f),
        };
        var copies = original.ToDictionary(pair => pair.Key, pair => zeros_like(pair.Value));

        Checkpoint.Save(original, path);
        Checkpoint.Load(copies, path);

        Assert.All(original, pair => Assert.True(copies[pair.Key].Equals(pair.Value), pair.Key));
    }

    [Fact]
    public void The_bytes_are_torchsharps_state_dict_layout()
    {
        using var scope = NewDisposeScope();
        var path = Temp.File("tiny.bin");

        Checkpoint.Save(new Dictionary<string, Tensor> { ["w"] = tensor(new float[] { 1, 2 }, [1, 2]) }, path);

        // count 1, name "w", dtype 6 (Float32), rank 2, dims 1 and 2, then the elements.
        byte[] expected = [1, 1, (byte)'w', 6, 2, 1, 2, .. BitConverter.GetBytes(1f), .. BitConverter.GetBytes(2f)];
        Assert.Equal(expected, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_write_that_fails_halfway_leaves_the_previous_file_whole_and_no_temporary_file()
    {
        using var scope = NewDisposeScope();
        var path = Temp.File("weights.bin");
        Checkpoint.Save(new Dictionary<string, Tensor> { ["a"] = ones(1000), ["b"] = ones(1000) }, path);
        var previous = File.ReadAllBytes(path);
        var broken = zeros(1000);
        broken.Dispose();
        // "a" is written before "b" fails, so a direct write would leave a half file behind.
        var halfway = new Dictionary<string, Tensor> { ["a"] = full([1000], 7f), ["b"] = broken };

        Assert.ThrowsAny<Exception>(() => Checkpoint.Save(halfway, path));
        Assert.ThrowsAny<Exception>(() => Checkpoint.Save(halfway, Temp.File("new.bin")));

        Assert.Equal(previous, File.ReadAllBytes(path));
        Assert.Equal(["weights.bin"], Directory.GetFiles(Temp.Path).Select(Path.GetFileName));
    }
}
