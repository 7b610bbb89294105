using System.Globalization;
using NotebookRunner.Execution;
using Spectre.Console;

namespace NotebookRunner.Cli;

/// <summary>
/// Tells the user which notebook and cell is running and how long each took. In a terminal the
/// running line is replaced by its result; when output is redirected (CI, logs) every event is
/// its own plain line, so a hanging cell is still visible in the log. What the kernel process
/// prints itself arrives on other threads, hence the lock.
/// </summary>
internal sealed class ConsoleProgress(IAnsiConsole console, bool live) : IRunProgress
{
    private const string EraseLine = "\r\u001b[2K";

    private readonly object gate = new();
    private int cellCount;
    private string? runningLine;

    public void NotebookStarted(string notebookPath, int codeCellCount)
    {
        lock (gate)
        {
            cellCount = codeCellCount;
            console.MarkupLineInterpolated($"[bold]▶ {notebookPath}[/] [grey]({codeCellCount} code cells)[/]");
        }
    }

    public void CellStarted(int cellNumber, string firstLine)
    {
        lock (gate)
        {
            if (live)
            {
                runningLine = $"  [yellow]…[/] cell {cellNumber} [grey]{Markup.Escape(Shorten(firstLine))}[/]";
                console.Markup(runningLine);
            }
            else
                console.MarkupLineInterpolated($"  cell {cellNumber} running: {Shorten(firstLine)}");
        }
    }

    public void CellFinished(int cellNumber, TimeSpan elapsed, bool succeeded)
    {
        lock (gate)
        {
            EraseRunningLine();
            runningLine = null;
            var mark = succeeded ? "[green]✓[/]" : "[red]✗[/]";
            console.MarkupLine($"  {mark} cell {cellNumber} [grey]{Seconds(elapsed)}[/]");
        }
    }

    public void CellSkipped(int cellNumber, string reason)
    {
        lock (gate)
            console.MarkupLineInterpolated($"  [yellow]-[/] cell {cellNumber} skipped: {reason}");
    }

    public void KernelPrinted(string line)
    {
        lock (gate)
        {
            EraseRunningLine();
            console.MarkupLineInterpolated($"    [grey]│ {line}[/]");
            if (runningLine is not null)
                console.Markup(runningLine);
        }
    }

    public void NotebookFinished(NotebookRunResult result)
    {
        lock (gate)
        {
            if (result.Failure is { } failure)
                console.MarkupLineInterpolated(
                    $"[red]✗ {result.NotebookPath}: cell {failure.CellNumber} failed ({Shorten(failure.FirstLine, 200)})[/]\n[grey]{Shorten(failure.Message.Split('\n')[0], 300)}[/]");
            else
                console.MarkupLineInterpolated($"[green]✓ {result.NotebookPath}[/] [grey]{Seconds(result.Elapsed)} for {cellCount} code cells[/]");
        }
    }

    public static string Seconds(TimeSpan elapsed) =>
        elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private void EraseRunningLine()
    {
        if (live && runningLine is not null)
            console.Profile.Out.Writer.Write(EraseLine);
    }

    private static string Shorten(string text, int length = 60) =>
        text.Length <= length ? text : text[..(length - 1)] + "…";
}
