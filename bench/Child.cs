using System.Diagnostics;
using System.Text.Json;

namespace Bench;

/// <summary>Runs one side's worker (or the SGEMM probe) in a process of its own, so each starts cold and alone.</summary>
internal static class Child
{
    /// <summary>
    /// The worker's measurement (the last line it printed), running it again when it fails, at most
    /// <paramref name="attempts"/> times: libtorch 2.10's oneDNN convolutions sometimes return NaN gradients on
    /// two threads here, and one such process must not void the whole run. Each failure is returned for the report.
    /// </summary>
    public static (Measurement Measurement, List<string> Failures) Run(string program, string[] arguments, int attempts = 5)
    {
        var failures = new List<string>();
        while (true)
        {
            try
            {
                var output = RunRaw(program, arguments);
                return (JsonSerializer.Deserialize<Measurement>(output.Trim().Split('\n').Last())!, failures);
            }
            catch (ChildFailedException e) when (failures.Count + 1 < attempts)
            {
                failures.Add($"{Path.GetFileName(program)} worker, {e.Reason}");
                Console.Error.WriteLine($"bench: {e.Command} failed, {e.Reason}; running it again");
            }
        }
    }

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
            throw new ChildFailedException($"{program} {string.Join(' ', arguments)}", process.ExitCode, errorTask.Result);
        return output;
    }
}

/// <summary>A child process that exited with an error; <see cref="Reason"/> is its exit code and the error's first line.</summary>
internal sealed class ChildFailedException(string command, int exitCode, string errorOutput)
    : Exception($"{command} failed ({exitCode}):\n{errorOutput}")
{
    public string Command => command;

    public string Reason { get; } =
        $"exit code {exitCode}: {errorOutput.Split('\n').FirstOrDefault(l => l.StartsWith("Unhandled exception")) ?? errorOutput.Trim().Split('\n').LastOrDefault()}";
}

/// <summary>Where the PyTorch side lives: copied next to the benchmark by the build.</summary>
internal static class PyTorchBaseline
{
    public static string Script => Path.Combine(AppContext.BaseDirectory, "pytorch_baseline.py");
}

/// <summary>The two sides' worker processes for one model, each with the run's settings and any <c>extra</c> arguments.</summary>
internal static class Workers
{
    public static Measurement TorchSharp(string model, Options run, List<string> failures, params string[] extra) =>
        Measure("dotnet", [typeof(Program).Assembly.Location, "--worker", model, .. run.TorchSharpWorkerArgs, .. extra], failures);

    public static Measurement PyTorch(string model, Options run, List<string> failures, params string[] extra) =>
        Measure("/usr/bin/python3", [PyTorchBaseline.Script, "--model", model, .. run.WorkerArgs, .. extra], failures);

    private static Measurement Measure(string program, string[] arguments, List<string> failures)
    {
        var (measurement, failed) = Child.Run(program, arguments);
        failures.AddRange(failed);
        return measurement;
    }
}

internal static class Statistics
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0) throw new InvalidOperationException("no times to take the median of");
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
