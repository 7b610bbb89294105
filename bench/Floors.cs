using System.Globalization;
using System.Text;
using Bench.Models;

namespace Bench;

/// <summary>
/// `--floors`: what a training step cannot go below. Each side's step is timed whole and in its three parts, at the
/// notebook's batch size and at batch 1. At batch 1 the step makes the same calls (the same layers, loss terms, autograd
/// nodes and optimizer pass over every parameter) with next to no arithmetic: that is its cost of calls. Adding the
/// step's matrix and convolution products at the SGEMM peak measured in the same run gives a floor for any step that
/// makes these calls: <c>floor = batch-1 step + products at peak</c>.
/// </summary>
internal static class Floors
{
    public static int Run(IReadOnlyList<string> names, Options options, Peaks peak, string arguments)
    {
        var lines = new List<FloorRow>();
        foreach (var name in names)
        {
            using var model = BenchModel.Find(name)!();
            var run = options with { Steps = Math.Min(options.Steps, model.MaxSteps) };
            List<Measurement> torchSharp = [], pyTorch = [], torchSharp1 = [], pyTorch1 = [];
            var failures = new List<string>();
            for (var round = 0; round < run.Rounds; round++)
            {
                torchSharp.Add(Workers.TorchSharp(name, run, failures, "--phases"));
                pyTorch.Add(Workers.PyTorch(name, run, failures, "--phases"));
                torchSharp1.Add(Workers.TorchSharp(name, run, failures, "--phases", "--batch", "1"));
                pyTorch1.Add(Workers.PyTorch(name, run, failures, "--phases", "--batch", "1"));
            }
            var row = new FloorRow(name, model.BatchSize, Parts.Of(torchSharp), Parts.Of(torchSharp1), model.FlopsPerStep / peak.TorchSharp / 1e6,
                                   Parts.Of(pyTorch), Parts.Of(pyTorch1), Binding.Milliseconds.GetValueOrDefault(name, double.NaN));
            lines.Add(row);
            Console.WriteLine(row.Text());
        }
        Write(options, peak, lines, arguments);
        return 0;
    }

    private static void Write(Options options, Peaks peak, List<FloorRow> rows, string arguments)
    {
        var now = DateTime.UtcNow;
        var text = new StringBuilder();
        text.AppendLine($"Measured {now:yyyy-MM-dd HH:mm} UTC on {Machine.Description}, {options.Threads} threads, by "
                        + $"`make bench BENCH_ARGS=\"{arguments}\"`; median of {options.Rounds} processes x {options.Steps} steps a side and batch size "
                        + $"(fewer for a model whose steps take seconds) after at least {options.Warmup} warm-up steps and {options.WarmupSeconds:0.#} s of them; SGEMM peak {peak.TorchSharp:F1} GFLOP/s "
                        + $"(TorchSharp), {peak.PyTorch:F1} (PyTorch). Milliseconds. *Forward* is the forward pass and loss, *backward* zero_grad "
                        + "and the backward pass, *optimizer* its step. *Batch 1* is the same step on one image: its calls and its optimizer "
                        + "pass with next to no arithmetic. *Floor* = batch-1 step + the step's products at TorchSharp's SGEMM peak; no "
                        + "step that makes these calls can be faster. The best ratio, % of peak and x binding any such step could reach "
                        + "follow from the floor.");
        text.AppendLine();
        text.AppendLine(FloorRow.Header);
        text.AppendLine(FloorRow.Separator);
        foreach (var row in rows) text.AppendLine(row.Text());
        var csv = new StringBuilder(FloorRow.CsvHeader).Append('\n');
        foreach (var row in rows) csv.Append(row.Csv(now)).Append('\n');
        Directory.CreateDirectory(options.OutputFolder);
        Report.WriteAtomically(Path.Combine(options.OutputFolder, "floors.md"), text.ToString());
        Report.WriteAtomically(Path.Combine(options.OutputFolder, "floors.csv"), csv.ToString());
        Console.WriteLine();
        Console.WriteLine(text);
        Console.WriteLine($"Written to {Path.Combine(options.OutputFolder, "floors.md")} and floors.csv");
        if (options.IsNotebookSetup && rows.Count == BenchModel.All.Count)
            Report.UpdateReadme(options.Readme, Path.Combine(options.OutputFolder, "floors.md"), Report.FloorsStart, Report.FloorsEnd);
    }
}

/// <summary>Medians of a side's step and of its three parts, over every step of every process.</summary>
internal sealed record Parts(double Step, double Forward, double Backward, double Optimizer)
{
    public static Parts Of(List<Measurement> runs) => new(
        Statistics.Median(runs.SelectMany(r => r.ms)),
        Statistics.Median(runs.SelectMany(r => r.forward_ms ?? throw new InvalidOperationException($"{r.model}: the worker printed no phases"))),
        Statistics.Median(runs.SelectMany(r => r.backward_ms!)),
        Statistics.Median(runs.SelectMany(r => r.optimizer_ms!)));
}

/// <summary>One model's floors: TorchSharp's step and parts, at its batch and at batch 1, its products at peak, PyTorch's the same.</summary>
internal sealed record FloorRow(string Model, int Batch, Parts TorchSharp, Parts TorchSharpBatch1, double ProductsAtPeakMs, Parts PyTorch,
                                Parts PyTorchBatch1, double BindingMs)
{
    public double FloorMs => TorchSharpBatch1.Step + ProductsAtPeakMs;

    public const string Header =
        "| model | batch | TorchSharp step | forward | backward | optimizer | batch 1 | products at peak | floor | step / floor "
        + "| PyTorch step | forward | backward | optimizer | batch 1 | best ratio | best % of peak | best x binding |";

    public const string Separator = "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    public const string CsvHeader =
        "date,model,batch,ts_step,ts_forward,ts_backward,ts_optimizer,ts_batch1_step,ts_batch1_forward,ts_batch1_backward,ts_batch1_optimizer,"
        + "products_at_peak,floor,step_over_floor,py_step,py_forward,py_backward,py_optimizer,py_batch1_step,best_ratio,best_percent_of_peak,best_x_binding";

    public string Text() => string.Format(CultureInfo.InvariantCulture,
        "| {0} | {1} | {2:F2} | {3:F2} | {4:F2} | {5:F2} | {6:F2} | {7:F2} | {8:F2} | {9:F2} | {10:F2} | {11:F2} | {12:F2} | {13:F2} | {14:F2} | {15:F2} | {16:F0}% | {17:F2} |",
        Model, Batch, TorchSharp.Step, TorchSharp.Forward, TorchSharp.Backward, TorchSharp.Optimizer, TorchSharpBatch1.Step, ProductsAtPeakMs,
        FloorMs, TorchSharp.Step / FloorMs, PyTorch.Step, PyTorch.Forward, PyTorch.Backward, PyTorch.Optimizer, PyTorchBatch1.Step,
        FloorMs / PyTorch.Step, 100 * ProductsAtPeakMs / FloorMs, FloorMs / BindingMs);

    public string Csv(DateTime date) => string.Create(CultureInfo.InvariantCulture,
        $"{date:yyyy-MM-dd},{Model},{Batch},{TorchSharp.Step:F3},{TorchSharp.Forward:F3},{TorchSharp.Backward:F3},{TorchSharp.Optimizer:F3},"
        + $"{TorchSharpBatch1.Step:F3},{TorchSharpBatch1.Forward:F3},{TorchSharpBatch1.Backward:F3},{TorchSharpBatch1.Optimizer:F3},"
        + $"{ProductsAtPeakMs:F3},{FloorMs:F3},{TorchSharp.Step / FloorMs:F3},{PyTorch.Step:F3},{PyTorch.Forward:F3},{PyTorch.Backward:F3},"
        + $"{PyTorch.Optimizer:F3},{PyTorchBatch1.Step:F3},{FloorMs / PyTorch.Step:F3},{100 * ProductsAtPeakMs / FloorMs:F1},{FloorMs / BindingMs:F3}");
}
