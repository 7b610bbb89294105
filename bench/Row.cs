using System.Globalization;

namespace Bench;

/// <summary>
/// One model's line of the results: the medians of both sides, their ratio, TorchSharp's throughput and peak memory;
/// <see cref="Steps"/> is how many steps each round timed, <see cref="Failures"/> the worker runs that failed and were run again.
/// </summary>
internal sealed record Row(string Model, int Batch, int Steps, double TorchSharpMs, double PyTorchMs, double Gflops, double PercentOfPeak,
                           double PercentOfPyTorchPeak, double TorchSharpPeakMb, double PyTorchPeakMb, List<string> Failures)
{
    public double Ratio => TorchSharpMs / PyTorchMs;

    /// <summary>The retired binding's figure for this model (<see cref="Binding"/>), or NaN.</summary>
    public double BindingMs => Binding.Milliseconds.GetValueOrDefault(Model, double.NaN);

    public double RatioToBinding => TorchSharpMs / BindingMs;

    public static Row From(string model, int batch, int steps, double flops, Peaks peak, List<Measurement> torchSharp, List<Measurement> pyTorch,
                           List<string> failures)
    {
        var torchSharpMs = Statistics.Median(torchSharp.SelectMany(m => m.ms));
        var gflops = flops / (torchSharpMs / 1000) / 1e9;
        return new Row(model, batch, steps, torchSharpMs, Statistics.Median(pyTorch.SelectMany(m => m.ms)), gflops, 100 * gflops / peak.TorchSharp,
                       100 * gflops / peak.PyTorch, torchSharp.Max(m => m.peak_mb), pyTorch.Max(m => m.peak_mb), failures);
    }

    public const string Header =
        "| model | batch | ms/step TorchSharp | ms/step PyTorch | ratio | binding " + Binding.Date + " | x binding | GFLOP/s | % of peak | % of PyTorch's peak | peak MB TorchSharp | peak MB PyTorch |";

    public const string Separator = "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    public const string CsvHeader =
        "date,model,batch,ms_torchsharp,ms_pytorch,ratio,ms_binding_" + Binding.Date + ",ratio_to_binding,gflops,percent_of_peak,percent_of_pytorch_peak,peak_mb_torchsharp,peak_mb_pytorch";

    public string Text() => string.Format(CultureInfo.InvariantCulture,
        "| {0} | {1} | {2:F2} | {3:F2} | {4:F2} | {5:F2} | {6:F2} | {7:F1} | {8:F0}% | {9:F0}% | {10:F0} | {11:F0} |",
        Model, Batch, TorchSharpMs, PyTorchMs, Ratio, BindingMs, RatioToBinding, Gflops, PercentOfPeak, PercentOfPyTorchPeak, TorchSharpPeakMb, PyTorchPeakMb);

    public string Csv(DateTime date) => string.Create(CultureInfo.InvariantCulture,
        $"{date:yyyy-MM-dd},{Model},{Batch},{TorchSharpMs:F3},{PyTorchMs:F3},{Ratio:F3},{BindingMs:F2},{RatioToBinding:F3},{Gflops:F2},{PercentOfPeak:F1},{PercentOfPyTorchPeak:F1},{TorchSharpPeakMb:F0},{PyTorchPeakMb:F0}");
}
