using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace NotebookRunner.Tests.Support;

/// <summary>Runs the real nbrun executable, for what only a process shows: exit codes, console output, signals.</summary>
internal sealed class CliProcess : IDisposable
{
    private static readonly string NbrunDll = Path.Combine(AppContext.BaseDirectory, "nbrun.dll");

    private const string Env = "/usr/bin/env";

    private readonly Process process;
    private readonly StringBuilder output = new();

    private CliProcess(string workingDirectory, IEnumerable<string> args)
    {
        // A child inherits ignored signals. A shell script's background job ignores SIGINT (bash does so for
        // `cmd &` without job control), and .NET leaves an inherited SIG_IGN in place, so nbrun would never see
        // the Ctrl+C the interrupt test sends. coreutils' env (Debian 12: 9.1) resets SIGINT to its default
        // before it execs, in the same process, so the test's signal reaches nbrun however the suite was started.
        var wrapped = OperatingSystem.IsLinux() && File.Exists(Env);
        var start = new ProcessStartInfo(wrapped ? Env : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (wrapped)
        {
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add("dotnet");
        }
        start.ArgumentList.Add(NbrunDll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public int ExitCode => process.ExitCode;

    public static CliProcess Start(string workingDirectory, params string[] args) => new(workingDirectory, args);

    public static async Task<CliProcess> RunAsync(string workingDirectory, params string[] args)
    {
        var cli = Start(workingDirectory, args);
        await cli.WaitForExitAsync(TimeSpan.FromSeconds(90));
        return cli;
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            // WaitForExitAsync also waits for the end of the redirected output: say which of the two did not come.
            throw new TimeoutException(
                $"nbrun {(process.HasExited ? $"exited (code {process.ExitCode}) but its output did not end" : "was still running")} " +
                $"after {timeout.TotalSeconds:0} s; output so far:\n{Output}");
        }
        process.WaitForExit(); // drains the redirected output
    }

    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (clock.Elapsed > timeout || process.HasExited)
                throw new TimeoutException($"nbrun did not print \"{text}\"; output so far:\n{Output}");
            await Task.Delay(50);
        }
    }

    public void SendInterrupt()
    {
        const int SIGINT = 2;
        if (kill(process.Id, SIGINT) != 0)
            throw new InvalidOperationException($"kill({process.Id}, SIGINT) failed with errno {Marshal.GetLastPInvokeError()}");
    }

    public void Dispose()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
