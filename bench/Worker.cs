using System.Diagnostics;
using System.Text.Json;
using Bench.Models;
using static TorchSharp.torch;

namespace Bench;

/// <summary>Times one model's training steps in this process and prints them as JSON (same shape as the Python side).</summary>
internal static class Worker
{
    public static int Run(string modelName, int steps, int warmup, int threads)
    {
        var create = BenchModel.Find(modelName) ?? throw new ArgumentException($"unknown model '{modelName}'");
        set_num_threads(threads);
        manual_seed(0);
        using var model = create();
        using var x = rand(model.InputShape);
        var times = new List<double>();
        for (var step = 0; step < warmup + steps; step++)
        {
            var clock = Stopwatch.StartNew();
            var loss = model.Step(x);
            if (step >= warmup) times.Add(clock.Elapsed.TotalMilliseconds);
            // Steps over NaN weights time other work than training does, so such a run is no measurement.
            if (!float.IsFinite(loss))
                throw new InvalidOperationException($"{modelName}: the loss of step {step} is {loss}");
        }
        Console.WriteLine(JsonSerializer.Serialize(new Measurement(modelName, model.BatchSize, times, PeakResidentMegabytes())));
        return 0;
    }

    /// <summary>The process's peak resident set (VmHWM), in MB.</summary>
    private static double PeakResidentMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:"));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }
}

/// <summary>What a worker of either side prints; the lower-case names are the Python side's JSON keys.</summary>
internal sealed record Measurement(string model, int batch, List<double> ms, double peak_mb);
