using System.Text.RegularExpressions;

namespace Notebooks.Tests;

/// <summary>The README's helpers example, pasted into a notebook cell as a reader would, runs and saves its picture.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void The_helpers_example_runs_in_a_cell_and_saves_the_png_it_names()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var section = readme[readme.IndexOf("## The helpers, in one example", StringComparison.Ordinal)..];
        var code = Regex.Match(section, "```csharp\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("SavePng(\"results/first-digits.png\")", code);

        // A notebook folder beside build/ and data/, as notebooks/ is: the example's "../build/bin" paths resolve.
        using var folder = new TempFolder();
        var notebooks = folder.NotebooksBeside("build", "data");
        var notebook = Path.Combine(notebooks, "readme.ipynb");
        File.WriteAllText(notebook, NotebookJson.Of(code));

        var output = Path.Combine(folder.Path, "out");
        var (exitCode, log) = Nbrun.Run("run", notebook, "--out", output);

        Assert.True(exitCode == 0, $"the README example failed:\n{log}");
        var executed = new ExecutedNotebook(Path.Combine(output, "readme.ipynb"));
        Assert.Empty(executed.Errors);
        Assert.Single(executed.Htmls, html => html.Contains("data:image/png;base64,"));
        var png = File.ReadAllBytes(Path.Combine(notebooks, "results", "first-digits.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }
}
