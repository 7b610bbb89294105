using System.Globalization;
using Microsoft.Data.Analysis;

namespace Helpers;

/// <summary>
/// A DataFrame column for one column of cells, typed by what the cells hold: whole numbers become Int32 (or Int64
/// when one does not fit), floats Single, any other fraction Double (a column mixing whole numbers and fractions
/// too), true/false Boolean, and everything else text. A missing cell (null, or a row without that key) stays null.
/// </summary>
internal static class ColumnOf
{
    private enum Kind { Boolean, Int32, Int64, Single, Double, Text }

    public static DataFrameColumn Make(string name, IReadOnlyList<object?> cells, Type? declared)
    {
        var kind = Infer(cells) ?? KindOf(declared) ?? Kind.Text;
        return kind switch
        {
            Kind.Boolean => new BooleanDataFrameColumn(name, cells.Select(c => c as bool?)),
            Kind.Int32 => new Int32DataFrameColumn(name, cells.Select(c => c is null ? (int?)null : Convert.ToInt32(c, CultureInfo.InvariantCulture))),
            Kind.Int64 => new Int64DataFrameColumn(name, cells.Select(c => c is null ? (long?)null : Convert.ToInt64(c, CultureInfo.InvariantCulture))),
            Kind.Single => new SingleDataFrameColumn(name, cells.Select(c => c as float?)),
            Kind.Double => new DoubleDataFrameColumn(name, cells.Select(c => c is null ? (double?)null : Convert.ToDouble(c, CultureInfo.InvariantCulture))),
            _ => new StringDataFrameColumn(name, cells.Select(Text)),
        };
    }

    /// <summary>The narrowest kind that holds every non-null cell; null when every cell is null.</summary>
    private static Kind? Infer(IReadOnlyList<object?> cells)
    {
        Kind? kind = null;
        foreach (var cell in cells)
        {
            if (cell is null) continue;
            var next = KindOf(cell.GetType()) ?? Kind.Text;
            if (next == Kind.Int32 && cell is uint u && u > int.MaxValue) next = Kind.Int64;
            kind = kind is null ? next : Widest(kind.Value, next);
        }
        return kind;
    }

    private static Kind Widest(Kind a, Kind b)
    {
        if (a == b) return a;
        if (a is Kind.Text or Kind.Boolean || b is Kind.Text or Kind.Boolean) return Kind.Text;
        if (a is Kind.Single or Kind.Double || b is Kind.Single or Kind.Double) return Kind.Double;
        return Kind.Int64;
    }

    private static Kind? KindOf(Type? type) => (type is null ? null : Nullable.GetUnderlyingType(type) ?? type) switch
    {
        null => null,
        var t when t == typeof(bool) => Kind.Boolean,
        var t when t == typeof(byte) || t == typeof(sbyte) || t == typeof(short) || t == typeof(ushort) || t == typeof(int) || t == typeof(uint) => Kind.Int32,
        var t when t == typeof(long) => Kind.Int64,
        var t when t == typeof(float) => Kind.Single,
        var t when t == typeof(double) || t == typeof(decimal) => Kind.Double,
        var t when t == typeof(object) => null,
        _ => Kind.Text,
    };

    private static string? Text(object? cell) => cell switch
    {
        null => null,
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };
}
