namespace NotebookRunner.Execution;

/// <summary>Hears about a notebook run as it goes, to tell the user which cell is running and how long cells take.</summary>
internal interface IRunProgress
{
    void NotebookStarted(string notebookPath, int codeCellCount);

    /// <summary>A cell is about to run; <paramref name="cellNumber"/> counts all cells from 1.</summary>
    void CellStarted(int cellNumber, string firstLine);

    void CellFinished(int cellNumber, TimeSpan elapsed, bool succeeded);

    void CellSkipped(int cellNumber, string reason);

    /// <summary>A line the kernel process printed itself, outside the cells' outputs (native libraries, the runtime).</summary>
    void KernelPrinted(string line);

    void NotebookFinished(NotebookRunResult result);
}

/// <summary>Where a run stopped: the failing cell (numbered from 1), its first line and the error.</summary>
internal sealed record CellFailure(int CellNumber, string FirstLine, string Message);

internal sealed record NotebookRunResult(string NotebookPath, TimeSpan Elapsed, CellFailure? Failure)
{
    public bool Succeeded => Failure is null;
}
