using System.Text;

namespace Bench;

/// <summary>Writes results.md (the table, with how it was measured) and results.csv, each replaced whole.</summary>
internal static class Report
{
    public static void Write(string folder, Peaks peak, Options options, List<Row> rows)
    {
        Directory.CreateDirectory(folder);
        var fewer = rows.Where(r => r.Steps < options.Steps).Select(r => $"{r.Steps} for {r.Model}").ToList();
        var markdown = new StringBuilder();
        markdown.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, {options.Threads} threads; "
                            + $"SGEMM peak TorchSharp {peak.TorchSharp:F1} GFLOP/s (libtorch {TorchSharp.torch.__version__}, its bundled BLAS), "
                            + $"PyTorch {peak.PyTorch:F1} GFLOP/s (Debian's 1.13.1, BLAS {peak.PyTorchBlas}); median of {options.Rounds} x {options.Steps} steps"
                            + (fewer.Count > 0 ? $" ({string.Join(", ", fewer)})" : "")
                            + $" after {options.Warmup} warm-up steps. GFLOP/s and % of peak are TorchSharp's.");
        markdown.AppendLine();
        markdown.AppendLine(Row.Header);
        markdown.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows) markdown.AppendLine(row.Text());
        if (rows.Any(r => r.Failures.Count > 0))
        {
            markdown.AppendLine();
            markdown.AppendLine("Worker runs that failed and were run again (their times are not in the table):");
            foreach (var row in rows)
                foreach (var failure in row.Failures) markdown.AppendLine($"- {row.Model}: {failure}");
        }
        var csv = new StringBuilder(Row.CsvHeader).Append('\n');
        foreach (var row in rows) csv.Append(row.Csv()).Append('\n');
        WriteAtomically(Path.Combine(folder, "results.md"), markdown.ToString());
        WriteAtomically(Path.Combine(folder, "results.csv"), csv.ToString());
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"Written to {Path.Combine(folder, "results.md")} and results.csv");
    }

    // A reader never sees half a file, even if the run is stopped while writing.
    private static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
