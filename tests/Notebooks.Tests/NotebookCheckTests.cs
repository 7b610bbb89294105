namespace Notebooks.Tests;

/// <summary>The committed notebooks are fit to commit: no outputs, the Polyglot metadata VS Code needs.</summary>
public class NotebookCheckTests
{
    [Fact]
    public void Every_committed_notebook_passes_nbrun_check()
    {
        var notebooks = Repository.Notebooks.Select(name => System.IO.Path.Combine("notebooks", name)).ToArray();
        Assert.NotEmpty(notebooks);

        var (exitCode, log) = Nbrun.Run(["check", .. notebooks]);

        Assert.True(exitCode == 0, $"nbrun check found problems:\n{log}");
    }
}
