using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;

namespace Helpers;

/// <summary>
/// Rows of results as a table: each row an object (its public properties are the columns, e.g. a record
/// or an anonymous object) or a dictionary (its keys are). Columns appear in order of first appearance.
/// </summary>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class Table : Figure
{
    private readonly List<string> columns = [];
    private readonly List<Dictionary<string, string>> rows = [];

    public Table(IEnumerable rows)
    {
        foreach (var row in rows)
        {
            var cells = new Dictionary<string, string>();
            foreach (var (column, value) in Cells(row))
            {
                if (!columns.Contains(column)) columns.Add(column);
                cells[column] = Text(value);
            }
            this.rows.Add(cells);
        }
    }

    public IReadOnlyList<string> Columns => columns;

    public int Count => rows.Count;

    /// <summary>The text of one cell ("" where the row has no such column).</summary>
    public string this[int row, string column] => rows[row].GetValueOrDefault(column, "");

    public override string ToHtml()
    {
        var html = new StringBuilder("<table><thead><tr>");
        foreach (var column in columns) html.Append("<th>").Append(WebUtility.HtmlEncode(column)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        for (var r = 0; r < rows.Count; r++)
        {
            html.Append("<tr>");
            foreach (var column in columns) html.Append("<td>").Append(WebUtility.HtmlEncode(this[r, column])).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>Columns padded to their widest cell, a rule under the header.</summary>
    public override string ToString()
    {
        var widths = columns.Select(c => Enumerable.Range(0, rows.Count).Select(r => this[r, c].Length).Append(c.Length).Max()).ToArray();
        string Line(Func<string, string> cell) => string.Join("  ", columns.Select((c, i) => cell(c).PadRight(widths[i]))).TrimEnd();
        var lines = new List<string> { Line(c => c), string.Join("  ", widths.Select(w => new string('-', w))) };
        lines.AddRange(Enumerable.Range(0, rows.Count).Select(r => Line(c => this[r, c])));
        return string.Join(Environment.NewLine, lines);
    }

    private static IEnumerable<(string, object?)> Cells(object? row) => row switch
    {
        null => [],
        IDictionary<string, object?> generic => generic.Select(pair => (pair.Key, pair.Value)),
        IDictionary dictionary => dictionary.Cast<DictionaryEntry>().Select(entry => (Text(entry.Key), entry.Value)),
        _ => row.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0)
                .Select(p => (p.Name, p.GetValue(row))),
    };

    /// <summary>Numbers with up to 6 significant digits, invariant culture.</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
