using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Analysis;

namespace Helpers;

/// <summary>
/// Tables are <see cref="DataFrame"/>s (Microsoft.Data.Analysis). <see cref="ToDataFrame{T}"/> makes one from rows
/// such as anonymous objects, so a cell that shows a table stays one readable expression; <see cref="ToHtml"/> and
/// <see cref="ToText"/> draw one the way the notebooks show it (the kernel's formatter, registered by
/// <see cref="KernelFormatters"/>) and the apps print it.
/// </summary>
public static class DataFrames
{
    /// <summary>How many rows a table shows before "… M more rows".</summary>
    public static int MaxRows { get; set; } = 20;

    /// <summary>
    /// A DataFrame with one row per item of <paramref name="rows"/> and one column per property of an object (a record,
    /// an anonymous object), element of a tuple, or key of a dictionary, in order of first appearance. Column types
    /// follow the cells: whole numbers Int32 (Int64 if needed), float Single, other fractions Double, bool Boolean,
    /// the rest text; a missing cell is null.
    /// </summary>
    /// <param name="rows">The rows.</param>
    /// <param name="columnNames">
    /// Names for the columns, in order (all of them or none): a tuple's element names exist at compile time only, so
    /// <c>new[] { (1, 0.22) }.ToDataFrame("epoch", "loss")</c> names what would otherwise be Item1 and Item2.
    /// </param>
    public static DataFrame ToDataFrame<T>(this IEnumerable<T> rows, params string[] columnNames)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columnNames);
        var declared = RowCells.Declared(typeof(T));
        var names = new List<string>();
        var types = new Dictionary<string, Type>();
        foreach (var (name, type) in declared ?? [])
        {
            names.Add(name);
            types[name] = type;
        }
        var cells = new List<Dictionary<string, object?>>();
        foreach (var row in rows)
        {
            var values = new Dictionary<string, object?>();
            foreach (var (name, value) in RowCells.Of(row))
            {
                if (name == "Rest" && row is System.Runtime.CompilerServices.ITuple)
                    throw new ArgumentException("tuples of more than 7 elements cannot be rows: use an anonymous object (new { Name = ..., ... })", nameof(rows));
                if (!values.ContainsKey(name) && !names.Contains(name)) names.Add(name);
                values[name] = value;
            }
            cells.Add(values);
        }
        if (columnNames.Length > 0 && columnNames.Length != names.Count)
            throw new ArgumentException(
                $"{columnNames.Length} column names ({string.Join(", ", columnNames)}) for {names.Count} columns ({string.Join(", ", names)}): give one name per column, or none",
                nameof(columnNames));
        var columns = names.Select((name, c) => ColumnOf.Make(
            columnNames.Length > 0 ? columnNames[c] : name,
            cells.Select(row => row.GetValueOrDefault(name)).ToList(),
            types.GetValueOrDefault(name)));
        return new DataFrame(columns);
    }

    /// <summary>
    /// An HTML table: column names as headers, numbers right-aligned at one precision per column, at most
    /// <paramref name="maxRows"/> rows (<see cref="MaxRows"/> by default) and then "… M more rows". Alignment is
    /// written on every cell, since exported pages right-align all cells by default.
    /// </summary>
    public static string ToHtml(DataFrame frame, int? maxRows = null)
    {
        var layout = TableLayout.Of(frame, maxRows ?? MaxRows);
        if (layout.Columns.Count == 0) return "<p><i>an empty DataFrame (no columns)</i></p>";
        static string Cell(string tag, string text, bool isNumber) =>
            $"<{tag} style=\"text-align: {(isNumber ? "right; font-variant-numeric: tabular-nums" : "left")}; white-space: pre-wrap;\">{WebUtility.HtmlEncode(text)}</{tag}>";
        var html = new StringBuilder("<table class=\"dataframe\"><thead><tr>");
        foreach (var (name, isNumber) in layout.Columns) html.Append(Cell("th", name, isNumber));
        html.Append("</tr></thead><tbody>");
        foreach (var row in layout.Rows)
        {
            html.Append("<tr>");
            for (var c = 0; c < row.Length; c++) html.Append(Cell("td", row[c], layout.Columns[c].IsNumber));
            html.Append("</tr>");
        }
        if (layout.MoreRowsText is { } more)
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td colspan=\"{layout.Columns.Count}\" style=\"text-align: left; font-style: italic;\">{WebUtility.HtmlEncode(more)}</td></tr>");
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>
    /// The same table as text: columns padded to their widest cell (numbers right-aligned), a rule under the
    /// header, and "… M more rows" after the shown ones.
    /// </summary>
    public static string ToText(DataFrame frame, int? maxRows = null)
    {
        var layout = TableLayout.Of(frame, maxRows ?? MaxRows);
        if (layout.Columns.Count == 0) return "(an empty DataFrame: no columns)";
        var widths = layout.Columns.Select((column, c) => layout.Rows.Select(row => row[c].Length).Append(column.Name.Length).Max()).ToArray();
        string Line(Func<int, string> cell) => string.Join("  ", layout.Columns.Select((column, c) =>
            column.IsNumber ? cell(c).PadLeft(widths[c]) : cell(c).PadRight(widths[c]))).TrimEnd();
        var lines = new List<string> { Line(c => layout.Columns[c].Name), string.Join("  ", widths.Select(w => new string('-', w))) };
        lines.AddRange(layout.Rows.Select(row => Line(c => row[c])));
        if (layout.MoreRowsText is { } more) lines.Add(more);
        return string.Join(Environment.NewLine, lines);
    }
}
