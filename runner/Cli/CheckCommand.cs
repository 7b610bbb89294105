using NotebookRunner.Notebooks;
using Spectre.Console;

namespace NotebookRunner.Cli;

/// <summary>nbrun check &lt;notebook&gt;...: lists what keeps each notebook from being committed as is.</summary>
internal static class CheckCommand
{
    public static int Execute(IReadOnlyList<string> args, IAnsiConsole console)
    {
        var arguments = Arguments.Parse("check", args, new Dictionary<string, string>());
        if (arguments.Positionals.Count == 0)
            throw new UsageException("nbrun check: expected one or more notebook paths");
        var failed = 0;
        foreach (var path in arguments.Positionals)
        {
            IReadOnlyList<string> problems;
            try
            {
                problems = NotebookChecker.Problems(NotebookFile.Load(path));
            }
            catch (NotebookFormatException error)
            {
                problems = [error.Message];
            }
            if (problems.Count == 0)
            {
                console.MarkupLineInterpolated($"[green]✓[/] {path}");
                continue;
            }
            failed++;
            console.MarkupLineInterpolated($"[red]✗[/] {path}");
            foreach (var problem in problems)
                console.MarkupLineInterpolated($"    {problem}");
        }
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }
}
