namespace Helpers;

/// <summary>Settings shared by all charts.</summary>
public static class Charts
{
    /// <summary>
    /// Makes every chart displayed from now on carry plotly.js itself (about 4.5 MB per chart), for
    /// notebooks viewed without network. <paramref name="path"/> defaults to the npm-installed
    /// node_modules/plotly.js-dist-min/plotly.min.js found above the current directory.
    /// </summary>
    public static void EmbedPlotly(string? path = null)
    {
        path ??= PlotlyLibrary.FindLocal()
            ?? throw new FileNotFoundException("node_modules/plotly.js-dist-min/plotly.min.js not found above " +
                                               $"{Directory.GetCurrentDirectory()}; run npm ci at the repository root or pass the path");
        PlotlyLibrary.Embedded = File.ReadAllText(path);
    }

    /// <summary>Goes back to the default: charts use the page's plotly.js, or load it from the CDN.</summary>
    public static void LinkPlotly() => PlotlyLibrary.Embedded = null;

    /// <summary>The colours of classes 0..9 (matplotlib's and d3's "category10"); class k gets entry k mod 10.</summary>
    public static IReadOnlyList<string> Palette { get; } =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    internal static string Colour(long index) => Palette[(int)(index % Palette.Count)];
}
