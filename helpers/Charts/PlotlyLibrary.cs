namespace Helpers;

/// <summary>
/// Where chart HTML gets plotly.js: the local copy npm installs (node_modules/plotly.js-dist-min, pinned
/// in package-lock.json) when a page must work offline, else the CDN of the same version.
/// </summary>
internal static class PlotlyLibrary
{
    public const string Version = "2.35.2";
    public const string CdnModule = $"https://cdn.plot.ly/plotly-{Version}.min";
    public const string RequireJs = "https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.6/require.min.js";
    private const string LocalPath = "node_modules/plotly.js-dist-min/plotly.min.js";

    /// <summary>When set, every chart fragment carries this plotly.js source (see <see cref="Charts.EmbedPlotly"/>).</summary>
    public static string? Embedded { get; set; }

    /// <summary>The local plotly.min.js above the current directory or above this assembly, if any.</summary>
    public static string? FindLocal()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, LocalPath);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    /// <summary>The &lt;head&gt; script of a standalone page: the local library inline, else a CDN link.</summary>
    public static string PageScript() =>
        FindLocal() is { } local ? Inline(File.ReadAllText(local)) : $"<script src=\"{CdnModule}.js\"></script>";

    /// <summary>
    /// plotly.js inline, defining <c>window.Plotly</c>. Hiding define/module/exports from its UMD wrapper
    /// keeps it from registering as an anonymous AMD module where require.js is loaded (Jupyter), which
    /// would fail; "&lt;/script" inside the code would end the element early, and "&lt;\/" means the same to JavaScript.
    /// </summary>
    public static string Inline(string plotlySource) =>
        "<script type=\"text/javascript\">if (!window.Plotly) { (function (define, module, exports) {\n" +
        plotlySource.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase) +
        "\n})(); }</script>";
}
