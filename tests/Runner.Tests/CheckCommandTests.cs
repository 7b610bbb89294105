using FluentAssertions;
using NotebookRunner.Tests.Support;
using Xunit;

namespace NotebookRunner.Tests;

public sealed class CheckCommandTests : WorkspaceTest
{
    [Fact]
    public async Task A_clean_polyglot_notebook_passes()
    {
        using var cli = await CliProcess.RunAsync(Workspace.Root, "check", Workspace.Notebook("clean.ipynb"), Workspace.Notebook("outputs.ipynb"));

        cli.ExitCode.Should().Be(0, cli.Output);
    }

    [Fact]
    public async Task Outputs_execution_counts_and_missing_metadata_are_listed()
    {
        using var cli = await CliProcess.RunAsync(Workspace.Root, "check", Workspace.Notebook("clean.ipynb"), Workspace.Notebook("dirty.ipynb"));

        cli.ExitCode.Should().Be(1);
        cli.Output.Should().Contain("metadata.kernelspec.name must be \".net-csharp\"")
            .And.Contain("metadata.polyglot_notebook.kernelInfo is missing")
            .And.Contain("cell 1 (Console.WriteLine(\"hi\");) has outputs")
            .And.Contain("cell 1 (Console.WriteLine(\"hi\");) has an execution_count")
            .And.Contain("cell 1 (Console.WriteLine(\"hi\");) has no metadata.polyglot_notebook.kernelName");
    }
}
