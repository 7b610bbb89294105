using System.Globalization;
using Microsoft.Data.Analysis;

namespace Helpers;

/// <summary>
/// What a DataFrame looks like as a table, whatever draws it (HTML in a notebook, text in a terminal): the column
/// names, each shown cell's text, which columns are numbers (drawn right-aligned), and how many rows were left out.
/// </summary>
/// <remarks>
/// Numbers are written in the invariant culture, one precision per column so the decimal points line up: whole
/// numbers with thousands separators and no decimals; fractions with 2 decimals, or more where the column's largest
/// value is small (4 significant digits, at most 6 decimals: 0.2259, 0.0207); a column whose values are all below
/// 10^-4 or reach 10^9 in scientific notation with 3 significant digits (a zero is "0" in every column).
/// </remarks>
internal sealed class TableLayout
{
    private TableLayout(IReadOnlyList<(string Name, bool IsNumber)> columns, IReadOnlyList<string[]> rows, long moreRows)
    {
        Columns = columns;
        Rows = rows;
        MoreRows = moreRows;
    }

    public IReadOnlyList<(string Name, bool IsNumber)> Columns { get; }

    /// <summary>The shown rows, one text per column.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>The rows after the shown ones, left out.</summary>
    public long MoreRows { get; }

    /// <summary>"… 30 more rows", or null when every row is shown.</summary>
    public string? MoreRowsText => MoreRows switch
    {
        0 => null,
        1 => "… 1 more row",
        _ => $"… {MoreRows.ToString("N0", CultureInfo.InvariantCulture)} more rows",
    };

    /// <param name="frame">The DataFrame.</param>
    /// <param name="maxRows">At most this many rows are shown (the first ones).</param>
    public static TableLayout Of(DataFrame frame, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        var shown = (int)Math.Min(frame.Rows.Count, maxRows);
        var columns = frame.Columns.ToList();
        var formats = columns.Select(column => CellFormat.For(column, shown)).ToList();
        var rows = Enumerable.Range(0, shown)
            .Select(r => columns.Select((column, c) => formats[c].Text(column[r])).ToArray())
            .ToList();
        return new TableLayout(columns.Select((column, c) => (column.Name, formats[c].IsNumber)).ToList(), rows, frame.Rows.Count - shown);
    }

    /// <summary>How one column's cells are written.</summary>
    private sealed class CellFormat
    {
        private static readonly Type[] WholeNumbers = [typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong)];
        private static readonly Type[] Fractions = [typeof(float), typeof(double), typeof(decimal)];

        private readonly string? numberFormat;

        private CellFormat(string? numberFormat) => this.numberFormat = numberFormat;

        public bool IsNumber => numberFormat is not null;

        public static CellFormat For(DataFrameColumn column, int shown)
        {
            if (WholeNumbers.Contains(column.DataType)) return new CellFormat("N0");
            if (!Fractions.Contains(column.DataType)) return new CellFormat(null);
            var values = Enumerable.Range(0, shown).Select(r => column[r]).Where(v => v is not null)
                .Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).Where(double.IsFinite).ToList();
            if (values.All(v => v == Math.Round(v) && Math.Abs(v) < 1e15)) return new CellFormat("N0");
            var largest = values.Max(Math.Abs);
            if (largest < 1e-4 || largest >= 1e9) return new CellFormat("0.##E+0");
            var decimals = Math.Clamp(3 - (int)Math.Floor(Math.Log10(largest)), 2, 6);
            return new CellFormat("N" + decimals.ToString(CultureInfo.InvariantCulture));
        }

        public string Text(object? value) => value switch
        {
            null => "",
            double.NaN or float.NaN => "NaN",
            double.PositiveInfinity or float.PositiveInfinity => "∞",
            double.NegativeInfinity or float.NegativeInfinity => "-∞",
            bool b => b ? "true" : "false",
            0.0 or 0f => "0",
            IFormattable number when numberFormat is not null => number.ToString(numberFormat, CultureInfo.InvariantCulture),
            IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }
}
