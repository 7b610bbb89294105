using System.Diagnostics;
using System.Text.Json;
using static TorchSharp.torch;

namespace Bench;

/// <summary>The large-product throughput of each side: TorchSharp's libtorch 2.10 and Debian's PyTorch 1.13 (OpenBLAS).</summary>
internal sealed record Peaks(double TorchSharp, double PyTorch);

/// <summary>The yardstick for GFLOP/s: the best of a few 2048x2048 float32 products, on the benchmark's threads.</summary>
internal static class Sgemm
{
    private const int Size = 2048;
    private const int Repeats = 5;

    public static double MeasureTorchSharpGflops(int threads)
    {
        set_num_threads(threads);
        using var scope = NewDisposeScope();
        var a = randn(Size, Size);
        var b = randn(Size, Size);
        a.mm(b).Dispose();
        var best = double.MaxValue;
        for (var i = 0; i < Repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            a.mm(b).Dispose();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return 2.0 * Size * Size * Size / best / 1e9;
    }

    /// <summary>The same product in PyTorch, in its own process with the same threads.</summary>
    public static double MeasurePyTorchGflops(string[] workerArgs)
    {
        var output = Child.RunRaw("/usr/bin/python3", [PyTorchBaseline.Script, "--sgemm", .. workerArgs]);
        return JsonDocument.Parse(output.Trim().Split('\n').Last()).RootElement.GetProperty("gflops").GetDouble();
    }
}
