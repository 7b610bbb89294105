using FluentAssertions;
using NotebookRunner.Tests.Support;
using Xunit;

namespace NotebookRunner.Tests;

public sealed class InterruptTests : WorkspaceTest
{
    [Fact]
    public async Task Ctrl_c_stops_the_run_with_exit_code_130_and_leaves_no_output_or_temp_file()
    {
        using var cli = CliProcess.Start(Workspace.Root, "run", Workspace.Notebook("long-running.ipynb"), "--out", Workspace.OutputFolder);
        // Generous waits: a loaded 2-core machine can take a minute to start the runner and compile a cell.
        // The cell sleeps ten minutes, so an exit within the wait means the interrupt stopped it.
        await cli.WaitForOutputAsync("cell 2 running", TimeSpan.FromSeconds(180));
        await Task.Delay(300); // let the cell get into its sleep

        cli.SendInterrupt();
        await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));

        cli.ExitCode.Should().Be(130, cli.Output);
        cli.Output.Should().Contain("Interrupted");
        var leftovers = Directory.Exists(Workspace.OutputFolder) ? Directory.GetFileSystemEntries(Workspace.OutputFolder) : [];
        leftovers.Should().BeEmpty();
    }
}
