using System.Diagnostics;
using System.Text.Json;

namespace Bench;

/// <summary>Runs one side's worker (or the SGEMM probe) in a process of its own, so each starts cold and alone.</summary>
internal static class Child
{
    /// <summary>The worker's measurement: the last line it printed.</summary>
    public static Measurement Run(string program, string[] arguments) =>
        JsonSerializer.Deserialize<Measurement>(RunRaw(program, arguments).Trim().Split('\n').Last())!;

    /// <summary>Runs a child process to its end and returns what it printed; a failure carries its error output.</summary>
    public static string RunRaw(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errorTask = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{errorTask.Result}");
        return output;
    }
}

/// <summary>Where the PyTorch side lives: copied next to the benchmark by the build.</summary>
internal static class PyTorchBaseline
{
    public static string Script => Path.Combine(AppContext.BaseDirectory, "pytorch_baseline.py");
}
