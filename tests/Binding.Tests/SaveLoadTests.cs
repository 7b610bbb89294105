namespace Binding.Tests;

/// <summary>Module files in TorchSharp's state-dict format: round trips, byte layout and clear errors.</summary>
public sealed class SaveLoadTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("saveload-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void SavedModelLoadsIntoAFreshModelWithIdenticalPredictions()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(folder, "vae.bin");
        using var trained = new DenseVae();
        trained.save(path);
        using var fresh = new DenseVae();
        var x = rand(3, 784);
        Assert.False(fresh.forward(x).equal(trained.forward(x)));
        fresh.load(path);
        Assert.True(fresh.forward(x).equal(trained.forward(x)));
        Assert.Equal(["vae.bin"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void LoadingIntoADifferentModelNamesTheFileParameterAndShapes()
    {
        var path = Path.Combine(folder, "vae.bin");
        using (var saved = new DenseVae()) saved.save(path);
        using var smaller = new DenseVae(hidden0: 256);
        var e = Assert.Throws<ArgumentException>(() => smaller.load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("enc_0.weight: file has [512, 784], model has [256, 784]", e.Message);
        Assert.Contains("output.weight: file has [784, 512], model has [784, 256]", e.Message);
    }

    [Fact]
    public void TruncatedOrForeignFilesGiveAClearError()
    {
        var path = Path.Combine(folder, "model.bin");
        using (var saved = new DenseVae(16, 8, 2)) saved.save(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        using var model = new DenseVae(16, 8, 2);
        var e = Assert.Throws<InvalidDataException>(() => model.load(path));
        Assert.Contains($"'{path}' is truncated or not a state-dict file", e.Message);

        File.WriteAllText(path, "{ \"not\": \"a state dict\" }");
        e = Assert.Throws<InvalidDataException>(() => model.load(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void FileLayoutIsTorchSharps()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(folder, "tiny.bin");
        save(new Dictionary<string, Tensor> { ["w"] = tensor(new float[] { 1, 2 }, [1, 2]) }, path);
        byte[] expected = [1, 1, (byte)'w', 6, 2, 1, 2, .. BitConverter.GetBytes(1f), .. BitConverter.GetBytes(2f)];
        Assert.Equal(expected, File.ReadAllBytes(path));
    }

    [Fact]
    public void TensorsOfEveryCommonDtypeRoundTrip()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(folder, "mixed.bin");
        var original = new Dictionary<string, Tensor>
        {
            ["float"] = randn(3, 200),
            ["double"] = randn([2, 2], float64),
            ["long"] = arange(300),
            ["flags"] = rand(5) > 0.5,
            ["scalar"] = tensor(2.5f),
        };
        save(original, path);
        var loaded = load(path);
        Assert.Equal(original.Keys, loaded.Keys);
        foreach (var (name, t) in original)
        {
            Assert.Equal(t.dtype, loaded[name].dtype);
            Assert.True(t.equal(loaded[name]), name);
        }
    }
}
