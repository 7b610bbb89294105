using System.Text.Json.Nodes;
using FluentAssertions;
using NotebookRunner.Tests.Support;
using Xunit;

namespace NotebookRunner.Tests;

/// <summary>
/// A failing cell stops its notebook like "Run All": the error is recorded in that cell, later
/// cells stay unrun, the exit code is non-zero, and the other notebooks of the run still run.
/// One `nbrun run` of four failing notebooks, the two whose kernel process dies first.
/// </summary>
public sealed class FailureTests(FailureTests.Run run) : IClassFixture<FailureTests.Run>
{
    public sealed class Run : IAsyncLifetime
    {
        internal FixtureWorkspace Workspace { get; } = new();

        internal CliProcess Cli { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Cli = await CliProcess.RunAsync(Workspace.Root, "run",
                Workspace.Notebook("crash.ipynb"), Workspace.Notebook("failfast.ipynb"),
                Workspace.Notebook("compile-error.ipynb"), Workspace.Notebook("exception.ipynb"),
                "--out", Workspace.OutputFolder);

        public Task DisposeAsync()
        {
            Cli.Dispose();
            Workspace.Dispose();
            return Task.CompletedTask;
        }

        internal JsonArray Cells(string notebook) =>
            JsonNode.Parse(File.ReadAllText(Workspace.Executed(notebook)))!["cells"]!.AsArray();
    }

    [Fact]
    public void A_compile_error_is_saved_as_an_error_output_with_the_diagnostics()
    {
        var error = ErrorOf("compile-error.ipynb", cellIndex: 2);

        error["ename"]!.GetValue<string>().Should().Be("Error");
        error["evalue"]!.GetValue<string>().Should().StartWith("(1,9): error CS0103: The name 'undefinedName' does not exist");
        error["traceback"]!.AsArray().Select(line => (string)line!).Should().Equal(error["evalue"]!.GetValue<string>().Split('\n'));
        AssertStoppedAt("compile-error.ipynb", failedCell: 2);
    }

    [Fact]
    public void An_exception_is_saved_with_its_full_text_and_stops_the_notebook()
    {
        var error = ErrorOf("exception.ipynb", cellIndex: 2);

        error["evalue"]!.GetValue<string>().Should().StartWith("System.InvalidOperationException: boom from the notebook");
        error["traceback"]!.AsArray().Count.Should().BeGreaterThan(1, "the stack trace lines follow the message");
        AssertStoppedAt("exception.ipynb", failedCell: 2);
    }

    [Fact]
    public void A_cell_that_kills_the_kernel_process_is_reported_as_that_cells_error_with_how_it_died()
    {
        var error = ErrorOf("crash.ipynb", cellIndex: 2);

        error["evalue"]!.GetValue<string>().Should().StartWith("the kernel process died: signal 11 (SIGSEGV, exit code 139)");
        AssertStoppedAt("crash.ipynb", failedCell: 2);
        ExecutedNotebook.Text(run.Cells("crash.ipynb")[1]!["outputs"]![0]!["text"]).Should().Be("before the crash\n",
            "the outputs of the cells before the crash are kept");
    }

    [Fact]
    public void What_a_dying_kernel_process_printed_is_part_of_the_error()
    {
        var message = ErrorOf("failfast.ipynb", cellIndex: 1)["evalue"]!.GetValue<string>();

        message.Should().StartWith("the kernel process died: signal 6 (SIGABRT, exit code 134); it printed:\nProcess terminated.\nthe model diverged\n");
        AssertStoppedAt("failfast.ipynb", failedCell: 1);
    }

    [Fact]
    public void The_command_names_each_failed_cell_exits_non_zero_and_runs_the_notebooks_after_a_crash()
    {
        run.Cli.ExitCode.Should().Be(1, run.Cli.Output);
        run.Cli.Output.Should().Contain("crash.ipynb: cell 3 failed (#r \"lib/Shapes.dll\")")
            .And.Contain("the kernel process died: signal 11 (SIGSEGV, exit code 139)")
            .And.Contain("compile-error.ipynb: cell 3 failed (var y = undefinedName + 1;)")
            .And.Contain("exception.ipynb: cell 3 failed (throw new InvalidOperationException(\"boom from the notebook\");)")
            .And.Contain("failfast.ipynb: cell 2 failed (Console.WriteLine(\"about to fail\");)")
            .And.Contain("4 of 4 notebooks failed");
        Directory.GetFiles(run.Workspace.OutputFolder, "*.tmp").Should().BeEmpty();
    }

    private JsonNode ErrorOf(string notebook, int cellIndex)
    {
        var error = run.Cells(notebook)[cellIndex]!["outputs"]!.AsArray().Last()!;
        error["output_type"]!.GetValue<string>().Should().Be("error");
        return error;
    }

    /// <summary>The failed cell ran (numbered in order) and every later cell is saved unrun.</summary>
    private void AssertStoppedAt(string notebook, int failedCell)
    {
        var cells = run.Cells(notebook);
        cells[failedCell]!["execution_count"]!.GetValue<int>().Should().Be(failedCell);
        for (var later = failedCell + 1; later < cells.Count; later++)
        {
            cells[later]!["outputs"]!.AsArray().Should().BeEmpty();
            cells[later]!["execution_count"].Should().BeNull();
        }
    }
}
