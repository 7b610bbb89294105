using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Bench;
using Bench.Models;
using static TorchSharp.torch;

// make bench [BENCH_ARGS="--models 01-dense-tanh --rounds 5 --steps 20 --threads 2 --out build/bench"]
if (args.Contains("--help"))
{
    Console.WriteLine(Options.Usage);
    return 0;
}
Options options;
try
{
    options = Options.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"bench: {e.Message}\n\n{Options.Usage}");
    return 2;
}
if (options.Worker is not null)
    return Worker.Run(options.Worker, options.Steps, options.Warmup, options.Threads);

var known = BenchModel.All.Select(f => { using var m = f(); return m.Name; }).ToList();
var names = options.Models ?? known;
if (names.FirstOrDefault(n => !known.Contains(n)) is { } unknown)
{
    Console.Error.WriteLine($"bench: no model named '{unknown}'; the models are {string.Join(", ", known)}");
    return 2;
}
Console.WriteLine($"Benchmark on {Environment.ProcessorCount} cores, {options.Threads} threads, {options.Rounds} rounds of {options.Steps} steps; libtorch {__version__}");
var peak = new Peaks(Sgemm.MeasureGflops(options.Threads), Sgemm.MeasurePyTorchGflops(options.WorkerArgs));
Console.WriteLine($"SGEMM peak (2048x2048 float32 product): ours {peak.Ours:F1} GFLOP/s, PyTorch {peak.PyTorch:F1} GFLOP/s");

var rows = new List<Row>();
foreach (var name in names)
{
    var ours = new List<Measurement>();
    var theirs = new List<Measurement>();
    // Alternate the two sides so that drifts in machine load hit both alike.
    for (var round = 0; round < options.Rounds; round++)
    {
        ours.Add(Child.Run("dotnet", [typeof(Program).Assembly.Location, "--worker", name, .. options.WorkerArgs]));
        theirs.Add(Child.Run("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "pytorch_baseline.py"), "--model", name, .. options.WorkerArgs]));
    }
    using var model = BenchModel.All.Select(f => f()).First(m => { var match = m.Name == name; if (!match) m.Dispose(); return match; });
    var row = Row.From(name, model.BatchSize, model.FlopsPerStep, peak, ours, theirs);
    rows.Add(row);
    Console.WriteLine(row.Text());
}
Report.Write(options.OutputFolder, peak, options, rows);
return 0;

internal sealed record Options(List<string>? Models, int Rounds, int Steps, int Warmup, int Threads, string OutputFolder, string? Worker)
{
    public string[] WorkerArgs => ["--steps", Steps.ToString(), "--warmup", Warmup.ToString(), "--threads", Threads.ToString()];

    public const string Usage =
        "usage: Bench [--models a,b] [--rounds 5] [--steps 20] [--warmup 3] [--threads <cores>] [--out build/bench]";

    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--") || i + 1 >= args.Length)
                throw new ArgumentException($"expected '--name value' pairs, found '{args[i]}'");
            values[args[i][2..]] = args[++i];
        }
        int Int(string key, int fallback) =>
            !values.TryGetValue(key, out var v) ? fallback
            : int.TryParse(v, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
            : throw new ArgumentException($"--{key} expects a positive whole number, found '{v}'");
        return new Options(
            values.TryGetValue("models", out var m) ? m.Split(',').ToList() : null,
            Int("rounds", 5), Int("steps", 20), Int("warmup", 3), Int("threads", Environment.ProcessorCount),
            values.GetValueOrDefault("out", "build/bench"), values.GetValueOrDefault("worker"));
    }
}

internal static class Child
{
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

/// <summary>The large-product throughput of each side: ours (oneDNN's sgemm) and PyTorch's (libtorch's BLAS).</summary>
internal sealed record Peaks(double Ours, double PyTorch);

internal static class Sgemm
{
    /// <summary>Best of several large square products through the binding (oneDNN's sgemm for float32).</summary>
    public static double MeasureGflops(int threads, int n = 2048, int repeats = 5)
    {
        set_num_threads(threads);
        using var scope = NewDisposeScope();
        var a = randn(n, n);
        var b = randn(n, n);
        a.mm(b).Dispose();
        var best = double.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            a.mm(b).Dispose();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return 2.0 * n * n * n / best / 1e9;
    }

    /// <summary>The same product in PyTorch, in its own process with the same threads.</summary>
    public static double MeasurePyTorchGflops(string[] workerArgs)
    {
        var output = Child.RunRaw("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "pytorch_baseline.py"), "--sgemm", .. workerArgs]);
        return JsonDocument.Parse(output.Trim().Split('\n').Last()).RootElement.GetProperty("gflops").GetDouble();
    }
}

internal sealed record Row(string Model, int Batch, double OursMs, double TheirsMs, double Gflops, double PercentOfPeak,
                           double PercentOfPyTorchPeak, double OursPeakMb, double TheirsPeakMb)
{
    public double Ratio => OursMs / TheirsMs;

    public static Row From(string model, int batch, double flops, Peaks peak, List<Measurement> ours, List<Measurement> theirs)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
        var oursMs = Median(ours.SelectMany(m => m.ms));
        var gflops = flops / (oursMs / 1000) / 1e9;
        return new Row(model, batch, oursMs, Median(theirs.SelectMany(m => m.ms)), gflops, 100 * gflops / peak.Ours,
                       100 * gflops / peak.PyTorch, ours.Max(m => m.peak_mb), theirs.Max(m => m.peak_mb));
    }

    public static string Header =>
        "| model | batch | ms/step ours | ms/step PyTorch | ratio | GFLOP/s | % of peak | % of PyTorch's peak | peak MB ours | peak MB PyTorch |";

    public string Text() => string.Format(CultureInfo.InvariantCulture,
        "| {0} | {1} | {2:F2} | {3:F2} | {4:F2} | {5:F1} | {6:F0}% | {7:F0}% | {8:F0} | {9:F0} |",
        Model, Batch, OursMs, TheirsMs, Ratio, Gflops, PercentOfPeak, PercentOfPyTorchPeak, OursPeakMb, TheirsPeakMb);
}

internal static class Report
{
    public static void Write(string folder, Peaks peak, Options options, List<Row> rows)
    {
        Directory.CreateDirectory(folder);
        var markdown = new StringBuilder();
        markdown.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, {options.Threads} threads; SGEMM peak ours {peak.Ours:F1} GFLOP/s (oneDNN), PyTorch {peak.PyTorch:F1} GFLOP/s (libtorch's BLAS); median of {options.Rounds} x {options.Steps} steps.");
        markdown.AppendLine();
        markdown.AppendLine(Row.Header);
        markdown.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows) markdown.AppendLine(row.Text());
        var csv = new StringBuilder("model,batch,ms_ours,ms_pytorch,ratio,gflops,percent_of_peak,percent_of_pytorch_peak,peak_mb_ours,peak_mb_pytorch\n");
        foreach (var r in rows)
            csv.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Model},{r.Batch},{r.OursMs:F3},{r.TheirsMs:F3},{r.Ratio:F3},{r.Gflops:F2},{r.PercentOfPeak:F1},{r.PercentOfPyTorchPeak:F1},{r.OursPeakMb:F0},{r.TheirsPeakMb:F0}"));
        WriteAtomically(Path.Combine(folder, "results.md"), markdown.ToString());
        WriteAtomically(Path.Combine(folder, "results.csv"), csv.ToString());
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"Written to {Path.Combine(folder, "results.md")} and results.csv");
    }

    private static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
