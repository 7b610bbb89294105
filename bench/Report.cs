using System.Text;

namespace Bench;

/// <summary>Writes results.md (the table, with how it was measured) and results.csv, each replaced whole.</summary>
internal static class Report
{
    public const string ReadmeStart = "<!-- bench:start (make bench rewrites this table) -->";
    public const string ReadmeEnd = "<!-- bench:end -->";
    public const string FloorsStart = "<!-- floors:start (make bench BENCH_ARGS=\"--floors\" rewrites this table) -->";
    public const string FloorsEnd = "<!-- floors:end -->";

    public static void Write(string folder, Peaks peak, Options options, List<Row> rows, string arguments)
    {
        Directory.CreateDirectory(folder);
        var now = DateTime.UtcNow;
        var fewer = rows.Where(r => r.Steps < options.Steps).Select(r => $"{r.Steps} for {r.Model}").ToList();
        var markdown = new StringBuilder();
        markdown.AppendLine($"Measured {now:yyyy-MM-dd HH:mm} UTC on {Machine.Description}, {options.Threads} threads, by "
                            + $"`make bench{(arguments.Length > 0 ? $" BENCH_ARGS=\"{arguments}\"" : "")}`; "
                            + $"TorchSharp side: {(options.Optimizer == "fused" ? "the helpers' fused Adam and RMSprop" : "TorchSharp's Adam and RMSprop")}, "
                            + $"{(options.Loss == "helpers" ? "the helpers'" : "libtorch's")} binary cross-entropy, "
                            + $"oneMKL {(options.Mkl == "avx512" ? "with its AVX-512 kernels" : "with the kernels it picks by vendor")}; "
                            + $"SGEMM peak TorchSharp {peak.TorchSharp:F1} GFLOP/s (libtorch {TorchSharp.torch.__version__}, its bundled BLAS), "
                            + $"PyTorch {peak.PyTorch:F1} GFLOP/s (Debian's 1.13.1, BLAS {peak.PyTorchBlas}); median of {options.Rounds} x {options.Steps} steps"
                            + (fewer.Count > 0 ? $" ({string.Join(", ", fewer)})" : "")
                            + $" after at least {options.Warmup} warm-up steps and {options.WarmupSeconds:0.#} s of them. GFLOP/s and % of peak are TorchSharp's; "
                            + $"\"binding {Binding.Date}\" is the retired libtorch-1.13 binding's figure from that day's README, not re-run.");
        markdown.AppendLine();
        markdown.AppendLine(Row.Header);
        markdown.AppendLine(Row.Separator);
        foreach (var row in rows) markdown.AppendLine(row.Text());
        if (rows.Any(r => r.Failures.Count > 0))
        {
            markdown.AppendLine();
            markdown.AppendLine("Worker runs that failed and were run again (their times are not in the table):");
            foreach (var row in rows)
                foreach (var failure in row.Failures) markdown.AppendLine($"- {row.Model}: {failure}");
        }
        var csv = new StringBuilder(Row.CsvHeader).Append('\n');
        foreach (var row in rows) csv.Append(row.Csv(now)).Append('\n');
        WriteAtomically(Path.Combine(folder, "results.md"), markdown.ToString());
        WriteAtomically(Path.Combine(folder, "results.csv"), csv.ToString());
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"Written to {Path.Combine(folder, "results.md")} and results.csv");
    }

    /// <summary>Puts the results between the README's markers (the bench table's by default), replacing what was there.</summary>
    public static void UpdateReadme(string readme, string resultsMarkdown, string startMarker = ReadmeStart, string endMarker = ReadmeEnd)
    {
        var text = File.ReadAllText(readme);
        var start = text.IndexOf(startMarker, StringComparison.Ordinal);
        var end = text.IndexOf(endMarker, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            Console.Error.WriteLine($"bench: {readme} has no '{startMarker}' ... '{endMarker}' block; its table is not updated");
            return;
        }
        var block = startMarker + "\n" + File.ReadAllText(resultsMarkdown).TrimEnd() + "\n";
        WriteAtomically(readme, text[..start] + block + text[end..]);
        Console.WriteLine($"Updated the table in {readme}");
    }

    // A reader never sees half a file, even if the run is stopped while writing.
    public static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
