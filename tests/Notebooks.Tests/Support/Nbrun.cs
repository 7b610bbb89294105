namespace Notebooks.Tests;

/// <summary>Runs the built notebook runner, build/runner/nbrun.dll, as a separate process.</summary>
public static class Nbrun
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string Dll => Path.Combine(Repository.Root, "build", "runner", "nbrun.dll");

    /// <summary>Fails with what to do when `make setup` has not built the runner and the helpers the notebooks reference.</summary>
    public static void RequireSetup()
    {
        string[] needed = [Dll, Path.Combine(Repository.Root, "build", "bin", "Helpers.dll")];
        var missing = needed.Where(path => !File.Exists(path)).ToList();
        Assert.True(missing.Count == 0,
            $"missing {string.Join(", ", missing)}: run `make setup` in {Repository.Root} first (it builds the runner and the assemblies the notebooks reference)");
    }

    /// <summary>Runs <c>dotnet nbrun.dll args...</c> in the repository root; returns the exit code and everything it printed.</summary>
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        RequireSetup();
        return ChildProcess.Run("dotnet", args.Prepend(Dll), Timeout);
    }
}
