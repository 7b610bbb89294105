namespace Notebooks.Tests;

/// <summary>Every notebook runs start to finish with the smoke profile (tiny subsets, one epoch).</summary>
public class NotebookSmokeTests : IDisposable
{
    private readonly TempFolder output = new();

    public void Dispose() => output.Dispose();

    public static TheoryData<string> Notebooks() => new(Repository.Notebooks);

    [Fact]
    public void The_notebooks_folder_has_notebooks() =>
        Assert.True(Repository.Notebooks.Count > 0, $"no .ipynb files in {Repository.NotebooksDir}");

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Runs_without_errors_and_shows_pictures_or_tables(string notebook)
    {
        var executed = Run(notebook);

        Assert.Empty(executed.Errors);
        Assert.True(executed.Count("image/png") + executed.Count("text/html") > 0, $"{executed.Path} shows nothing (no image/png or text/html output)");
        // No value shows as the kernel's object tree; every table is a DataFrame drawn by the helpers' formatter, which
        // wins over the one Microsoft.Data.Analysis' package extension registers (that one adds an "index" column).
        Assert.DoesNotContain(executed.Htmls, html => html.Contains("<details class=\"dni-treeview\"", StringComparison.Ordinal));
        var tables = executed.Htmls.Where(html => html.Contains("<table class=\"dataframe\">", StringComparison.Ordinal)).ToList();
        Assert.True(tables.Count >= TablesIn(notebook), $"{executed.Path} shows {tables.Count} DataFrame tables, expected at least {TablesIn(notebook)}");
        Assert.DoesNotContain(executed.Htmls, html => html.Contains("<th><i>index</i></th>", StringComparison.Ordinal));
    }

    /// <summary>How many cells of the notebook end in a DataFrame the helpers make (rows.ToDataFrame(), Scoreboard.Table()).</summary>
    private static int TablesIn(string notebook) =>
        System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(System.IO.Path.Combine(Repository.NotebooksDir, notebook)),
            @"\.ToDataFrame\(\)\""|Scoreboard\.Table\(\)\""").Count;

    /// <summary>The harness itself: a notebook that throws must fail the run and leave an error output.</summary>
    [Fact]
    public void A_failing_notebook_is_reported()
    {
        using var folder = new TempFolder();
        var notebook = System.IO.Path.Combine(folder.Path, "failing.ipynb");
        File.WriteAllText(notebook, """
            {"cells": [{"cell_type": "code", "execution_count": null, "id": "0a1b2c3d",
              "metadata": {"polyglot_notebook": {"kernelName": "csharp"}}, "outputs": [],
              "source": ["throw new InvalidOperationException(\"meant to fail\");"]}],
             "metadata": {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"}},
             "nbformat": 4, "nbformat_minor": 5}
            """);

        var (exitCode, log) = Nbrun.Run("run", notebook, "--out", output.Path);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("meant to fail", log);
        Assert.Contains("meant to fail", Assert.Single(new ExecutedNotebook(System.IO.Path.Combine(output.Path, "failing.ipynb")).Errors));
    }

    private ExecutedNotebook Run(string notebook)
    {
        var (exitCode, log) = Nbrun.Run("run", System.IO.Path.Combine("notebooks", notebook), "--profile", "smoke", "--out", output.Path);
        Assert.True(exitCode == 0, $"nbrun run {notebook} --profile smoke exited with {exitCode}:\n{log}");
        return new ExecutedNotebook(System.IO.Path.Combine(output.Path, notebook));
    }
}
