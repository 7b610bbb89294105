using System.Diagnostics;
using System.Globalization;
using NotebookRunner.Formatting;
using NotebookRunner.Interactive;
using NotebookRunner.Notebooks;
using NotebookRunner.Outputs;

namespace NotebookRunner.Execution;

/// <summary>
/// Runs a notebook top to bottom like "Run All" in VS Code: C# cells share one script state,
/// markdown cells are left alone, the first failing cell stops the run and later cells stay
/// unrun. Outputs are recorded in the notebook in place.
/// </summary>
internal sealed class NotebookExecutor(IRunProgress progress)
{
    // .NET Interactive brings its helpers into scope the same way before the first cell.
    private const string KernelPrelude = "using static NotebookRunner.Interactive.Kernel;";

    public async Task<NotebookRunResult> RunAsync(Notebook notebook, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var cells = notebook.Cells;
        foreach (var cell in cells.Where(cell => cell.IsCode))
            cell.ClearRun();
        progress.NotebookStarted(notebook.Path, cells.Count(cell => cell.IsCode));

        var savedDirectory = Environment.CurrentDirectory;
        var (savedOut, savedError) = (Console.Out, Console.Error);
        CellFailure? failure = null;
        try
        {
            // Relative paths in cells (#r, data files) mean the notebook's folder, as in VS Code.
            Environment.CurrentDirectory = notebook.Directory;
            Console.SetOut(new StreamCapture("stdout", () => ActiveCell.Outputs));
            Console.SetError(new StreamCapture("stderr", () => ActiveCell.Outputs));
            using var session = new ScriptSession(notebook.Directory);
            var prelude = await session.SubmitAsync(KernelPrelude, cancellation);
            if (prelude.Error is not null)
                throw new InvalidOperationException($"could not set up the C# script state: {prelude.Error}");
            failure = await RunCellsAsync(notebook, cells, session, cancellation);
        }
        finally
        {
            ActiveCell.Set(null);
            Console.SetOut(savedOut);
            Console.SetError(savedError);
            Environment.CurrentDirectory = savedDirectory;
        }
        var result = new NotebookRunResult(notebook.Path, clock.Elapsed, failure);
        progress.NotebookFinished(result);
        return result;
    }

    private async Task<CellFailure?> RunCellsAsync(
        Notebook notebook, IReadOnlyList<Cell> cells, ScriptSession session, CancellationToken cancellation)
    {
        var executionCount = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var cellNumber = i + 1;
            if (!cell.IsCode)
                continue;
            cancellation.ThrowIfCancellationRequested();
            var kernel = CellKernel.Resolve(cell, notebook);
            if (kernel is not (CellKernel.CSharp or CellKernel.Markdown))
            {
                progress.CellSkipped(cellNumber, $"kernel \"{kernel}\" is not supported by nbrun, which runs C# and markdown only");
                continue;
            }
            progress.CellStarted(cellNumber, cell.FirstLine);
            var clock = Stopwatch.StartNew();
            var outputs = new CellOutputs();
            ActiveCell.Set(outputs);
            var error = await RunCellAsync(cell, kernel, session, outputs, cancellation);
            ActiveCell.Set(null);
            cell.RecordRun(++executionCount, outputs.ToJson());
            progress.CellFinished(cellNumber, clock.Elapsed, error is null);
            if (error is not null)
                return new CellFailure(cellNumber, cell.FirstLine, error);
        }
        return null;
    }

    /// <summary>Runs one cell's parts in order; returns the error message that stopped it, or null.</summary>
    private static async Task<string?> RunCellAsync(
        Cell cell, string kernel, ScriptSession session, CellOutputs outputs, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var parsed = CellDirectives.Parse(cell.Source, kernel);
        var error = parsed.Errors.Count > 0 ? string.Join('\n', parsed.Errors) : null;
        foreach (var segment in parsed.Segments)
        {
            if (error is not null)
                break;
            if (segment.Kernel == CellKernel.Markdown)
            {
                outputs.AddDisplay([new FormattedValue(ValueFormatter.Html, MarkdownRenderer.ToHtml(segment.Code))]);
                continue;
            }
            var result = await session.SubmitAsync(segment.CodeAtCellLines, cancellation);
            error = result.Error ?? ShowReturnValue(result, outputs);
        }
        if (error is not null)
            outputs.AddError(error);
        else if (parsed.Time)
            outputs.AddDisplay([new FormattedValue(ValueFormatter.PlainText,
                $"Wall time: {clock.Elapsed.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms")]);
        return error;
    }

    /// <summary>Displays a cell's value; a formatter that throws fails the cell like any other exception.</summary>
    private static string? ShowReturnValue(SubmissionResult result, CellOutputs outputs)
    {
        // A DisplayedValue was shown already when it was created; .NET Interactive does not show it twice.
        if (!result.HasValue || result.Value is DisplayedValue)
            return null;
        try
        {
            outputs.AddDisplay(ValueFormatter.Format(result.Value, []));
            return null;
        }
        catch (Exception exception)
        {
            return exception.ToString();
        }
    }

    /// <summary>
    /// Runs script code on a pool thread and stops waiting when the run is cancelled: Roslyn
    /// cannot interrupt a running submission, so Ctrl+C abandons it and the process exits.
    /// </summary>
}
