using XPlot.Plotly;

namespace Helpers;

/// <summary>The layout every helpers chart starts from, in XPlot's types, and the rounding of plotted numbers.</summary>
internal static class ChartLayout
{
    public const int Height = 450;

    /// <param name="title">Chart title; none when empty.</param>
    /// <param name="xTitle">Horizontal axis title.</param>
    /// <param name="yTitle">Vertical axis title.</param>
    /// <param name="xRange">Fixed range of the horizontal axis; plotly's autorange when null.</param>
    /// <param name="yRange">Fixed range of the vertical axis; plotly's autorange when null.</param>
    public static Layout.Layout Of(string title, string xTitle, string yTitle, (double Min, double Max)? xRange = null, (double Min, double Max)? yRange = null)
    {
        var xaxis = new Xaxis { title = xTitle, zeroline = false };
        var yaxis = new Yaxis { title = yTitle, zeroline = false };
        if (xRange is { } x) xaxis.range = new[] { x.Min, x.Max };
        if (yRange is { } y) yaxis.range = new[] { y.Min, y.Max };
        var layout = new Layout.Layout
        {
            xaxis = xaxis,
            yaxis = yaxis,
            margin = new Margin { t = string.IsNullOrEmpty(title) ? 20 : 50, r = 20 },
        };
        if (!string.IsNullOrEmpty(title)) layout.title = title;
        return layout;
    }

    /// <summary>
    /// <paramref name="value"/> with <paramref name="digits"/> significant digits, which JSON then writes short (what
    /// keeps a 10,000-point scatter small). JSON has no NaN or infinity: those become null, where plotly leaves a gap.
    /// </summary>
    public static double? Round(double value, int digits)
    {
        if (!double.IsFinite(value)) return null;
        if (value == 0) return 0;
        var decimals = digits - ((int)Math.Floor(Math.Log10(Math.Abs(value))) + 1);
        if (decimals is >= 0 and <= 15) return Math.Round(value, decimals);
        // Math.Round takes 0-15 decimals; beyond, scale by an exact power of ten (dividing, never multiplying by 0.1).
        var power = Math.Pow(10, Math.Abs(decimals));
        return decimals < 0 ? Math.Round(value / power) * power : Math.Round(value * power) / power;
    }

    /// <summary>The extent of the finite <paramref name="values"/> widened by 5% on each side (plotly's autorange pads so too); [-1, 1] when there are none.</summary>
    public static (double Min, double Max) Padded(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return (-1, 1);
        var (min, max) = (finite.Min(), finite.Max());
        var margin = max > min ? 0.05 * (max - min) : 1;
        return (min - margin, max + margin);
    }
}
