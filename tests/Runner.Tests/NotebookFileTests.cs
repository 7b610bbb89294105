using FluentAssertions;
using NotebookRunner.Tests.Support;
using Xunit;

namespace NotebookRunner.Tests;

/// <summary>Reading notebooks: bad input is named clearly and nothing runs.</summary>
public sealed class NotebookFileTests : WorkspaceTest
{
    [Fact]
    public async Task Invalid_json_is_reported_with_file_and_position_and_nothing_is_written()
    {
        using var cli = await CliProcess.RunAsync(Workspace.Root, "run", Workspace.Notebook("invalid.ipynb"), "--out", Workspace.OutputFolder);

        cli.ExitCode.Should().Be(1, cli.Output);
        cli.Output.Should().Contain("invalid.ipynb: invalid JSON at line 3, position");
        Directory.Exists(Workspace.OutputFolder).Should().BeFalse();
    }

    [Fact]
    public async Task A_missing_notebook_is_named()
    {
        var notebook = await InProcessRun.RunAsync(Workspace, "absent.ipynb");

        notebook.Result.Error.Should().Be($"{Workspace.Notebook("absent.ipynb")}: file not found");
    }

    [Fact]
    public async Task Unknown_options_are_usage_errors()
    {
        using var cli = await CliProcess.RunAsync(Workspace.Root, "run", "x.ipynb", "--profle", "smoke");

        cli.ExitCode.Should().Be(2);
        cli.Output.Should().Contain("unknown option --profle");
    }
}
