using System.Text.Json.Nodes;
using NotebookRunner.Notebooks;
using NotebookRunner.Parameters;

namespace NotebookRunner.Execution;

/// <summary>
/// Everything `nbrun run` does for one notebook: load it, inject parameters, run it and save
/// the executed copy (also when a cell failed: the error is the useful part then).
/// </summary>
internal sealed class NotebookJob(ParameterSources parameters, string outputFolder, IRunProgress progress)
{
    public async Task<NotebookJobResult> RunAsync(string notebookPath, CancellationToken cancellation)
    {
        Notebook notebook;
        try
        {
            notebook = NotebookFile.Load(notebookPath);
            ParameterInjector.Inject(notebook, parameters.SettingsFor(notebook));
        }
        catch (Exception error) when (error is NotebookFormatException or ParameterException)
        {
            return new NotebookJobResult(notebookPath, null, null, TimeSpan.Zero, error.Message);
        }
        var outputPath = Path.Combine(outputFolder, Path.GetFileName(notebookPath));
        if (Path.GetFullPath(outputPath) == Path.GetFullPath(notebookPath))
            return new NotebookJobResult(notebookPath, null, null, TimeSpan.Zero,
                $"{notebookPath}: the executed copy would overwrite the notebook itself; choose another --out folder");
        NotebookRunResult run;
        try
        {
            run = await new NotebookExecutor(progress).RunAsync(notebook, cancellation);
        }
        catch (KernelStartException error)
        {
            return new NotebookJobResult(notebookPath, null, null, TimeSpan.Zero, $"{notebookPath}: {error.Message}");
        }
        MarkForExport(notebook);
        NotebookFile.Save(notebook, outputPath);
        var failed = run.Failure is { } failure
            ? $"cell {failure.CellNumber} ({failure.FirstLine}): {FirstLine(failure.Message)}"
            : null;
        return new NotebookJobResult(notebookPath, outputPath, notebook.Title, run.Elapsed, failed);
    }

    /// <summary>
    /// Stores sources as line arrays, as VS Code saves them, and adds
    /// language_info.pygments_lexer: nbconvert highlights code with it, Polyglot's
    /// "polyglot-notebook" name has no lexer, and Polyglot keeps the extra key (polyglot.md §1, §8).
    /// </summary>
    private static void MarkForExport(Notebook notebook)
    {
        foreach (var cell in notebook.Cells)
            cell.Source = cell.Source;
        notebook.Metadata.GetOrAddObject("language_info")["pygments_lexer"] = JsonValue.Create("csharp");
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0];
}

/// <summary>The outcome of one notebook: where its executed copy went and, if it failed, why.</summary>
internal sealed record NotebookJobResult(
    string NotebookPath, string? ExecutedPath, string? Title, TimeSpan Elapsed, string? Error)
{
    public bool Succeeded => Error is null;
}
