using NotebookRunner.Execution;
using Spectre.Console;

namespace NotebookRunner.Cli;

/// <summary>The table printed at the end of `run` and `site`: one row per notebook.</summary>
internal static class RunSummary
{
    public static int Print(IAnsiConsole console, IReadOnlyList<NotebookJobResult> results)
    {
        var table = new Table().AddColumns("Notebook", "Result", "Time", "Executed copy");
        foreach (var result in results)
        {
            table.AddRow(
                Markup.Escape(result.NotebookPath),
                result.Succeeded ? "[green]ok[/]" : $"[red]failed[/]: {Markup.Escape(result.Error!)}",
                ConsoleProgress.Seconds(result.Elapsed),
                Markup.Escape(result.ExecutedPath ?? "-"));
        }
        console.Write(table);
        var failures = results.Count(result => !result.Succeeded);
        if (failures > 0)
            console.MarkupLineInterpolated($"[red]{failures} of {results.Count} notebooks failed[/]");
        return failures == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }
}
