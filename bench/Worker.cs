using System.Diagnostics;
using System.Text.Json;
using Bench.Models;
using static TorchSharp.torch;

namespace Bench;

/// <summary>Times one model's training steps in this process and prints them as JSON (same shape as the Python side).</summary>
internal static class Worker
{
    /// <param name="batch">Another batch size than the notebook's (the model is the same; 1 leaves the step's calls with next to no arithmetic).</param>
    /// <param name="phases">Also report the forward pass, backward pass and optimizer step apart.</param>
    /// <param name="warmup">Untimed steps first, at least this many...</param>
    /// <param name="warmupSeconds">...and for at least this long: .NET's tiered JIT recompiles the step's hot code over its first
    /// few hundred calls (a Fashion-MNIST VAE step took 3.8-4.1 ms on average over its first 500 steps and 2.2-2.5 ms later on).</param>
    public static int Run(string modelName, int steps, int warmup, double warmupSeconds, int threads, int? batch = null, bool phases = false)
    {
        var create = BenchModel.Find(modelName) ?? throw new ArgumentException($"unknown model '{modelName}'");
        set_num_threads(threads);
        manual_seed(0);
        using var model = create();
        using var x = rand(batch is { } b ? [b, .. model.InputShape[1..]] : model.InputShape);
        var step = 0;
        // Steps over NaN weights time other work than training does, so such a run is no measurement.
        void Train(BenchModel.Phases? parts)
        {
            var loss = model.Step(x, parts);
            if (!float.IsFinite(loss))
                throw new InvalidOperationException($"{modelName}: the loss of step {step} is {loss}");
            step++;
        }
        var warmupClock = Stopwatch.StartNew();
        while (step < warmup || warmupClock.Elapsed.TotalSeconds < warmupSeconds) Train(null);
        var times = new List<double>();
        var parts = new BenchModel.Phases();
        for (var timed = 0; timed < steps; timed++)
        {
            var clock = Stopwatch.StartNew();
            Train(parts);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        var measurement = new Measurement(modelName, (int)x.shape[0], times, PeakResidentMegabytes());
        if (phases) measurement = measurement with { forward_ms = parts.Forward, backward_ms = parts.Backward, optimizer_ms = parts.Optimizer };
        Console.WriteLine(JsonSerializer.Serialize(measurement));
        return 0;
    }

    /// <summary>The process's peak resident set (VmHWM), in MB.</summary>
    private static double PeakResidentMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:"));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }
}

/// <summary>What a worker of either side prints; the lower-case names are the Python side's JSON keys. The phases are there with --phases.</summary>
internal sealed record Measurement(string model, int batch, List<double> ms, double peak_mb)
{
    public List<double>? forward_ms { get; init; }
    public List<double>? backward_ms { get; init; }
    public List<double>? optimizer_ms { get; init; }
}
