namespace NotebookRunner.Execution;

/// <summary>Says how a process ended: .NET reports a process killed by signal N on Unix as exit code 128 + N.</summary>
internal static class ExitStatus
{
    private static readonly string[] SignalNames =
    [
        "", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL",
        "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM",
    ];

    public static string Describe(int exitCode)
    {
        var signal = exitCode - 128;
        if (OperatingSystem.IsWindows() || signal is < 1 or > 64)
            return $"exit code {exitCode}";
        var name = signal < SignalNames.Length ? $"{SignalNames[signal]}, " : "";
        return $"signal {signal} ({name}exit code {exitCode})";
    }
}
