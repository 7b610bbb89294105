using System.Diagnostics;
using System.Text.Json;
using static TorchSharp.torch;

namespace Bench;

/// <summary>
/// The large-product throughput of each side: TorchSharp's libtorch 2.10 (its bundled BLAS) and Debian's PyTorch 1.13,
/// whose BLAS is whichever libblas.so.3 the system selects (<see cref="PyTorchBlas"/>).
/// </summary>
internal sealed record Peaks(double TorchSharp, double PyTorch, string PyTorchBlas);

/// <summary>The yardstick for GFLOP/s: the best of a few 2048x2048 float32 products, on the benchmark's threads.</summary>
internal static class Sgemm
{
    private const int Size = 2048;
    private const int Repeats = 5;

    /// <summary>Products are repeated for at least this long: a shared virtual machine has slow moments, and a
    /// probe of five products once came out at half the rate of the next run's.</summary>
    private static readonly TimeSpan MinimumProbe = TimeSpan.FromSeconds(2);

    public static double MeasureTorchSharpGflops(int threads)
    {
        set_num_threads(threads);
        using var scope = NewDisposeScope();
        var a = randn(Size, Size);
        var b = randn(Size, Size);
        a.mm(b).Dispose();
        var best = double.MaxValue;
        var probe = Stopwatch.StartNew();
        for (var i = 0; i < Repeats || probe.Elapsed < MinimumProbe; i++)
        {
            var clock = Stopwatch.StartNew();
            a.mm(b).Dispose();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return 2.0 * Size * Size * Size / best / 1e9;
    }

    /// <summary>The same product in PyTorch, in its own process with the same threads, and the BLAS library it ran in.</summary>
    public static (double Gflops, string Blas) MeasurePyTorchGflops(string[] workerArgs)
    {
        var output = Child.RunRaw("/usr/bin/python3", [PyTorchBaseline.Script, "--sgemm", .. workerArgs]);
        var result = JsonDocument.Parse(output.Trim().Split('\n').Last()).RootElement;
        return (result.GetProperty("gflops").GetDouble(), result.GetProperty("blas").GetString()!);
    }
}
