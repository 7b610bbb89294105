using FluentAssertions;
using NotebookRunner.Tests.Support;
using Xunit;

namespace NotebookRunner.Tests;

public sealed class ThreadTests
{
    [Fact]
    public async Task Cells_run_on_one_thread_even_after_a_cell_awaits()
    {
        // Thread-local engine state (TorchSharp's no_grad and dispose scopes) carries from one cell
        // to the next because the kernel runs every submission on its scheduler's one thread.
        using var workspace = new FixtureWorkspace();
        var notebook = await InProcessRun.RunAsync(workspace, "threads.ipynb");
        notebook.Result.Error.Should().BeNull();
        ExecutedNotebook.Text(notebook.Outputs(2)[0]!["text"]).Should().Be("True");
    }
}
