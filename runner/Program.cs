using NotebookRunner.Cli;
using NotebookRunner.Hosting;
using NotebookRunner.Notebooks;
using Spectre.Console;

// The kernel process the runner starts for each notebook; it has no console of its own to set up.
if (args is [KernelHost.Command, .. var pipes])
    return await KernelHost.RunAsync(pipes);

// Progress goes to the real stdout, captured now: while cells run, Console.Out is the cell's output.
var live = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null;
var console = AnsiConsole.Create(new AnsiConsoleSettings
{
    Out = new AnsiConsoleOutput(Console.Out),
    // Logs get plain, unwrapped lines; a terminal gets colour.
    Ansi = live ? AnsiSupport.Detect : AnsiSupport.No,
    ColorSystem = live ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
});
if (!live)
    console.Profile.Width = 200;

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Stop the default termination so the run can clean up its temp files first.
    e.Cancel = true;
    interrupt.Cancel();
};

try
{
    var exitCode = args switch
    {
        ["run", .. var rest] => await RunCommand.ExecuteAsync(rest, console, live, interrupt.Token),
        ["site", .. var rest] => await SiteCommand.ExecuteAsync(rest, console, live, interrupt.Token),
        ["check", .. var rest] => CheckCommand.Execute(rest, console),
        ["app", .. var rest] => AppCommand.Execute(rest, console),
        [] or ["--help" or "-h" or "help", ..] => Usage.Print(console),
        [var unknown, ..] => throw new UsageException($"unknown command \"{unknown}\"; expected run, site, check or app"),
    };
    return exitCode;
}
catch (Exception error) when (error is IOException or UnauthorizedAccessException)
{
    console.MarkupLineInterpolated($"[red]error:[/] {error.Message}");
    return ExitCodes.Failed;
}
catch (UsageException error)
{
    console.MarkupLineInterpolated($"[red]error:[/] {error.Message}");
    console.MarkupLine("[grey]Run nbrun --help for usage.[/]");
    return ExitCodes.Usage;
}
catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
{
    AtomicFile.DeletePendingTempFiles();
    console.MarkupLine("[yellow]Interrupted: no output was written for the notebook that was running.[/]");
    return ExitCodes.Interrupted;
}
