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
// Before the helpers load (their module initializer makes the change), in the host and, inherited, every worker.
if (options.Mkl == "vendor") Environment.SetEnvironmentVariable("HELPERS_MKL_VENDOR_CHECK", "keep");
// Before libtorch allocates anything, in the host (the SGEMM peak) and in every worker alike.
Helpers.NativeMemory.KeepFreedMemory();
Optimizers.UseTorchSharps = options.Optimizer == "torchsharp";
ModelLosses.UseLibtorchs = options.Loss == "libtorch";
if (options.Compare is not null)
    return Compare.Run(options.Compare, options.Steps, options.Threads, options.Optimizer == "torchsharp");
if (options.Worker is not null)
    return Worker.Run(options.Worker, options.Steps, options.Warmup, options.WarmupSeconds, options.Threads, options.Batch, options.Phases);

var known = BenchModel.All.Select(m => m.Name).ToList();
var names = options.Models ?? known;
if (names.FirstOrDefault(n => !known.Contains(n)) is { } unknown)
{
    Console.Error.WriteLine($"bench: no model named '{unknown}'; the models are {string.Join(", ", known)}");
    return 2;
}
Console.WriteLine($"Benchmark on {Machine.Description}, {options.Threads} threads, {options.Rounds} rounds of {options.Steps} steps; TorchSharp's libtorch {__version__}");
Console.WriteLine($"TorchSharp side: {(Optimizers.UseTorchSharps ? "TorchSharp's optimizers" : "the helpers' fused optimizers")}, "
                  + $"{(ModelLosses.UseLibtorchs ? "libtorch's" : "the helpers'")} binary cross-entropy, "
                  + $"oneMKL {(Helpers.MklAvx512.IsOn ? "AVX-512 kernels" : $"as it picks its kernels ({Helpers.MklAvx512.Reason})")}");
var torchSharpGflops = Sgemm.MeasureTorchSharpGflops(options.Threads);
var (pyTorchGflops, pyTorchBlas) = Sgemm.MeasurePyTorchGflops(options.WorkerArgs);
var peak = new Peaks(torchSharpGflops, pyTorchGflops, pyTorchBlas);
Console.WriteLine($"SGEMM peak (2048x2048 float32 product): TorchSharp {peak.TorchSharp:F1} GFLOP/s, PyTorch {peak.PyTorch:F1} GFLOP/s (BLAS {peak.PyTorchBlas})");
if (pyTorchBlas.Contains("/blas/libblas"))
    Console.Error.WriteLine("bench: warning: PyTorch runs the reference BLAS; `make setup` installs libopenblas0-pthread for it");

if (options.Floors)
    return Floors.Run(names, options, peak, string.Join(' ', args));

var rows = new List<Row>();
foreach (var name in names)
{
    using var model = BenchModel.Find(name)!();
    var run = options with { Steps = Math.Min(options.Steps, model.MaxSteps) };
    var torchSharp = new List<Measurement>();
    var pyTorch = new List<Measurement>();
    var failures = new List<string>();
    // Alternate the two sides so that drifts in machine load hit both alike.
    for (var round = 0; round < run.Rounds; round++)
    {
        torchSharp.Add(Workers.TorchSharp(name, run, failures));
        pyTorch.Add(Workers.PyTorch(name, run, failures));
    }
    var row = Row.From(name, model.BatchSize, run.Steps, model.FlopsPerStep, peak, torchSharp, pyTorch, failures);
    rows.Add(row);
    Console.WriteLine(row.Text());
}
Report.Write(options.OutputFolder, peak, options, rows, string.Join(' ', args));
if (options.IsNotebookSetup && names.Count == known.Count)
    Report.UpdateReadme(options.Readme, Path.Combine(options.OutputFolder, "results.md"));
return 0;
