using System.Text.Json.Nodes;
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
        File.WriteAllText(notebook, new JsonObject
        {
            ["cells"] = new JsonArray(new JsonObject
            {
                ["cell_type"] = "code", ["execution_count"] = null, ["id"] = "5e1f0a2b", ["outputs"] = new JsonArray(),
                ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
                ["source"] = code,
            }),
            ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5,
        }.ToJsonString());

        var output = Path.Combine(folder.Path, "out");
        var (exitCode, log) = Nbrun.Run("run", notebook, "--out", output);

        Assert.True(exitCode == 0, $"the README example failed:\n{log}");
        var executed = new ExecutedNotebook(Path.Combine(output, "readme.ipynb"));
        Assert.Empty(executed.Errors);
        Assert.Equal(1, executed.Count("text/html"));
        var png = File.ReadAllBytes(Path.Combine(notebooks, "results", "first-digits.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }
}
