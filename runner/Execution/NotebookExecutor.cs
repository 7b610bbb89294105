using System.Diagnostics;
using NotebookRunner.Notebooks;
using NotebookRunner.Outputs;
using NotebookRunner.Protocol;

namespace NotebookRunner.Execution;

/// <summary>
/// Runs a notebook top to bottom like "Run All" in VS Code, in a fresh kernel process: code cells
/// go to the kernel one by one, markdown cells are left alone, the first failing cell stops the
/// run and later cells stay unrun. Outputs are recorded in the notebook in place.
/// </summary>
internal sealed class NotebookExecutor(IRunProgress progress)
{
    /// <exception cref="KernelStartException">The kernel process could not be started.</exception>
    public async Task<NotebookRunResult> RunAsync(Notebook notebook, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var cells = notebook.Cells;
        foreach (var cell in cells.Where(cell => cell.IsCode))
            cell.ClearRun();
        progress.NotebookStarted(notebook.Path, cells.Count(cell => cell.IsCode));
        CellFailure? failure;
        await using (var kernel = await KernelProcess.StartAsync(notebook.Directory, progress.KernelPrinted, cancellation))
            failure = await RunCellsAsync(notebook, cells, kernel, cancellation);
        var result = new NotebookRunResult(notebook.Path, clock.Elapsed, failure);
        progress.NotebookFinished(result);
        return result;
    }

    private async Task<CellFailure?> RunCellsAsync(
        Notebook notebook, IReadOnlyList<Cell> cells, KernelProcess kernel, CancellationToken cancellation)
    {
        var executionCount = 0;
        var earlierDisplays = new HashSet<string>();
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var cellNumber = i + 1;
            if (!cell.IsCode)
                continue;
            cancellation.ThrowIfCancellationRequested();
            var kernelName = CellKernelName.Of(cell, notebook);
            if (!kernel.Kernels.Contains(kernelName))
            {
                progress.CellSkipped(cellNumber,
                    $"kernel \"{kernelName}\" is not one of nbrun's kernels ({string.Join(", ", kernel.Kernels)})");
                continue;
            }
            progress.CellStarted(cellNumber, cell.FirstLine);
            var clock = Stopwatch.StartNew();
            var outputs = new CellOutputs();
            string? error;
            try
            {
                error = await kernel.SubmitAsync(
                    new CellSubmission(cell.Source, kernelName), message => Show(message, outputs, earlierDisplays), cancellation);
            }
            catch (KernelDiedException died)
            {
                error = died.Message;
            }
            if (error is not null)
                outputs.AddError(error);
            earlierDisplays.UnionWith(outputs.DisplayIds);
            cell.RecordRun(++executionCount, outputs.ToJson());
            progress.CellFinished(cellNumber, clock.Elapsed, error is null);
            if (error is not null)
                return new CellFailure(cellNumber, cell.FirstLine, error);
        }
        return null;
    }

    /// <summary>
    /// Adds a kernel message to the cell's outputs as Polyglot does. A display's id is matched
    /// against the running cell's outputs only: VS Code replaces an output of the executing cell,
    /// so an update of an earlier cell's display shows nowhere.
    /// </summary>
    private static void Show(KernelMessage message, CellOutputs outputs, HashSet<string> earlierDisplays)
    {
        switch (message.Kind)
        {
            case KernelMessage.Stdout or KernelMessage.Stderr:
                outputs.AppendStream(message.Kind, message.Text ?? "");
                break;
            case KernelMessage.Display when message.Id is not { } id || outputs.Shows(id) || !earlierDisplays.Contains(id):
                outputs.Display(message.Id, message.Values ?? []);
                break;
        }
    }
}
