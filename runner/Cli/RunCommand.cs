using NotebookRunner.Execution;
using NotebookRunner.Parameters;
using Spectre.Console;

namespace NotebookRunner.Cli;

/// <summary>nbrun run &lt;notebook.ipynb&gt;... [--profile P] [-p name=value]... [--out DIR]</summary>
internal static class RunCommand
{
    public const string DefaultOutput = "site/notebooks";

    public static readonly IReadOnlyDictionary<string, string> Options = new Dictionary<string, string>
    {
        ["--profile"] = "--profile",
        ["--parameter"] = "--parameter",
        ["-p"] = "--parameter",
        ["--out"] = "--out",
    };

    public static async Task<int> ExecuteAsync(IReadOnlyList<string> args, IAnsiConsole console, bool live, CancellationToken cancellation)
    {
        var arguments = Arguments.Parse("run", args, Options);
        if (arguments.Positionals.Count == 0)
            throw new UsageException("nbrun run: expected one or more notebook paths");
        var job = new NotebookJob(
            ParametersFrom(arguments, defaultProfile: null),
            arguments.Single("--out", DefaultOutput)!,
            new ConsoleProgress(console, live));
        var results = new List<NotebookJobResult>();
        foreach (var path in arguments.Positionals)
            results.Add(await job.RunAsync(path, cancellation));
        return RunSummary.Print(console, results);
    }

    public static ParameterSources ParametersFrom(Arguments arguments, string? defaultProfile)
    {
        try
        {
            return new ParameterSources(arguments.Single("--profile", defaultProfile), arguments.All("--parameter"));
        }
        catch (ParameterException error)
        {
            throw new UsageException(error.Message);
        }
    }
}
