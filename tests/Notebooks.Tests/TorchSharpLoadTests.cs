namespace Notebooks.Tests;

/// <summary>
/// TorchSharp as every chapter's setup cell brings it: `#r "nuget: TorchSharp-cpu, 0.107.0"` in a fresh kernel process,
/// on this machine as `make setup` left it (the Debian 12 step included, where it was needed).
/// </summary>
public class TorchSharpLoadTests
{
    [Fact]
    public void A_fresh_kernel_loads_TorchSharp_through_its_nuget_reference_and_computes()
    {
        using var folder = new TempFolder();
        var notebook = Path.Combine(folder.Path, "torchsharp.ipynb");
        File.WriteAllText(notebook, NotebookJson.Of(
            "#r \"nuget: TorchSharp-cpu, 0.107.0\"",
            "TorchSharp.torch.__version__",
            "TorchSharp.torch.ones(2, 3).sum().item<float>().ToString()"));
        var output = Path.Combine(folder.Path, "out");

        var (exitCode, log) = Nbrun.Run("run", notebook, "--out", output);

        Assert.True(exitCode == 0, $"loading TorchSharp failed:\n{log}");
        var texts = new ExecutedNotebook(Path.Combine(output, "torchsharp.ipynb")).PlainTexts;
        Assert.Contains(texts, text => text.StartsWith("2.10.0", StringComparison.Ordinal));
        Assert.Contains("6", texts);
    }
}
