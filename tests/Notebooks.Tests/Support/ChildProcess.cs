using System.Diagnostics;
using System.Text;

namespace Notebooks.Tests;

/// <summary>Runs a command in the repository root with CI=1 (plain output) and collects everything it prints.</summary>
public static class ChildProcess
{
    /// <summary>Returns the exit code and the output; fails the test when the command outlives <paramref name="timeout"/>.</summary>
    public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["CI"] = "1"; // plain progress lines, no live terminal display

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} {string.Join(' ', start.ArgumentList)} ran longer than {timeout.TotalMinutes} minutes:\n{output}");
        }
        process.WaitForExit(); // flushes the output handlers
        lock (output) return (process.ExitCode, output.ToString());
    }
}
