namespace NotebookRunner.Execution;

/// <summary>
/// Splits a cell into the parts each kernel runs and handles the magic commands the C# kernel
/// handles before Roslyn sees the code (polyglot.md §2). "#r path" and "#load" stay in the
/// code for Roslyn; removed directive lines become blank lines so Roslyn's line numbers still
/// match the cell.
/// </summary>
internal static class CellDirectives
{
    public static ParsedCell Parse(string source, string cellKernel)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var segments = new List<CellSegment>();
        var errors = new List<string>();
        var time = false;
        var kernel = cellKernel;
        var start = 0;
        var current = new List<string>();

        void Flush()
        {
            if (current.Any(line => line.Trim().Length > 0))
                segments.Add(new CellSegment(kernel, string.Join('\n', current), start));
            current = [];
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            var lineNumber = i + 1;
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                var name = trimmed[2..].Split(' ', 2)[0];
                if (CellKernel.IsSelector(name))
                {
                    Flush();
                    kernel = CellKernel.Normalize(name);
                    start = i + 1;
                    continue;
                }
                if (name == "time")
                    time = true;
                else
                    errors.Add($"{trimmed} is not supported by nbrun (line {lineNumber}); it runs C# and markdown only");
                current.Add("");
                continue;
            }
            if (kernel == CellKernel.CSharp && IsPackageDirective(trimmed))
            {
                errors.Add($"{trimmed} is not available offline (line {lineNumber}); build the library and reference the DLL with #r \"path/to/Library.dll\"");
                current.Add("");
                continue;
            }
            current.Add(line);
        }
        Flush();
        return new ParsedCell(segments, time, errors);
    }

    private static bool IsPackageDirective(string line)
    {
        if (line.StartsWith("#i ", StringComparison.Ordinal) || line.StartsWith("#i\"", StringComparison.Ordinal))
            return true;
        if (!line.StartsWith("#r", StringComparison.Ordinal))
            return false;
        var argument = line[2..].TrimStart().TrimStart('"').TrimStart();
        return argument.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>A run of lines for one kernel; <paramref name="FirstLine"/> is its zero-based line in the cell.</summary>
internal sealed record CellSegment(string Kernel, string Code, int FirstLine)
{
    /// <summary>The code padded with blank lines so diagnostics report the line in the cell.</summary>
    public string CodeAtCellLines => new string('\n', FirstLine) + Code;
}

internal sealed record ParsedCell(IReadOnlyList<CellSegment> Segments, bool Time, IReadOnlyList<string> Errors);
