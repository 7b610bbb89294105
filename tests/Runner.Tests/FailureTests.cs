using FluentAssertions;
using NotebookRunner.Tests.Support;
using Xunit;

namespace NotebookRunner.Tests;

/// <summary>A failing cell stops the run like "Run All": error recorded, later cells unrun, non-zero exit.</summary>
public sealed class FailureTests : WorkspaceTest
{
    [Fact]
    public async Task A_compile_error_is_saved_as_an_error_output_with_the_diagnostics()
    {
        var notebook = await InProcessRun.RunAsync(Workspace, "compile-error.ipynb");

        var error = notebook.Outputs(2).Single()!;
        error["output_type"]!.GetValue<string>().Should().Be("error");
        error["ename"]!.GetValue<string>().Should().Be("Error");
        error["evalue"]!.GetValue<string>().Should().StartWith("(1,9): error CS0103: The name 'undefinedName' does not exist");
        error["traceback"]!.AsArray().Select(line => (string)line!).Should().Equal(error["evalue"]!.GetValue<string>().Split('\n'));
        AssertStoppedAt(notebook, failedCell: 2);
    }

    [Fact]
    public async Task An_exception_is_saved_with_its_full_text_and_stops_the_run()
    {
        var notebook = await InProcessRun.RunAsync(Workspace, "exception.ipynb");

        var error = notebook.Outputs(2).Single()!;
        error["ename"]!.GetValue<string>().Should().Be("Error");
        error["evalue"]!.GetValue<string>().Should().StartWith("System.InvalidOperationException: boom from the notebook");
        error["traceback"]!.AsArray().Count.Should().BeGreaterThan(1, "the stack trace lines follow the message");
        AssertStoppedAt(notebook, failedCell: 2);
    }

    [Fact]
    public async Task A_nuget_reference_fails_the_cell_as_not_available_offline()
    {
        var notebook = await InProcessRun.RunAsync(Workspace, "nuget.ipynb");

        var message = notebook.Outputs(1).Single()!["evalue"]!.GetValue<string>();
        message.Should().StartWith("#r \"nuget: Plotly.NET, 4.2.0\" is not available offline (line 2)");
        AssertStoppedAt(notebook, failedCell: 1);
    }

    [Fact]
    public async Task The_command_exits_non_zero_naming_the_failed_cell_and_still_writes_the_executed_copy()
    {
        using var cli = await CliProcess.RunAsync(Workspace.Root, "run", Workspace.Notebook("exception.ipynb"), "--out", Workspace.OutputFolder);

        cli.ExitCode.Should().Be(1, cli.Output);
        cli.Output.Should().Contain("cell 3 failed (throw new InvalidOperationException(\"boom from the notebook\");)");
        File.Exists(Workspace.Executed("exception.ipynb")).Should().BeTrue("the executed notebook with the error is useful");
        Directory.GetFiles(Workspace.OutputFolder, "*.tmp").Should().BeEmpty();
    }

    private static void AssertStoppedAt(ExecutedNotebook notebook, int failedCell)
    {
        notebook.Result.Succeeded.Should().BeFalse();
        notebook.Result.Error.Should().StartWith($"cell {failedCell + 1} (");
        notebook.Cell(failedCell)["execution_count"]!.GetValue<int>().Should().Be(failedCell);
        for (var later = failedCell + 1; later < notebook.Cells.Count; later++)
        {
            notebook.Outputs(later).Should().BeEmpty();
            notebook.Cell(later)["execution_count"].Should().BeNull();
        }
    }
}
