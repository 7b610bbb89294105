namespace Helpers;

/// <summary>
/// Where chart HTML gets plotly.js: always the local copy npm installs (node_modules/plotly.js-dist-min, pinned in
/// package-lock.json), never the network. A notebook's first chart carries it and later charts reuse it; a
/// standalone page carries it in its head.
/// </summary>
internal static class PlotlyLibrary
{
    public const string Version = "2.35.2";
    public const string LocalPath = "node_modules/plotly.js-dist-min/plotly.min.js";

    /// <summary>The attribute that marks the script element carrying the library (the site export looks for it).</summary>
    public const string CarrierAttribute = "data-helpers-plotly";

    /// <summary>Charts drawn before the library arrived wait in this global list; the carrier drains it.</summary>
    public const string WaitingList = "window.helpersPlotlyWaiting";

    private static readonly Lock Gate = new();
    private static WeakReference<object>? carrier;
    private static string? source;

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

    /// <summary>
    /// The library's script when <paramref name="shown"/> is the first chart this process formats for a notebook,
    /// or that same object formatted again (a display handle redrawing it in place keeps the library in the output);
    /// empty for every other chart. When no local copy exists, a note saying so instead.
    /// </summary>
    public static string CarriedBy(object shown)
    {
        lock (Gate)
        {
            if (carrier is null)
            {
                if (FindLocal() is not { } path) return Missing();
                source = File.ReadAllText(path);
                carrier = new WeakReference<object>(shown);
            }
            return carrier.TryGetTarget(out var first) && ReferenceEquals(first, shown) ? Inline(source!) + "\n" : "";
        }
    }

    /// <summary>Forgets which chart carried the library (a fresh kernel's state), for tests.</summary>
    internal static void ForgetCarrier()
    {
        lock (Gate) carrier = null;
    }

    /// <summary>The &lt;head&gt; script of a standalone page: the local library inline.</summary>
    public static string PageScript() =>
        FindLocal() is { } local
            ? Inline(File.ReadAllText(local))
            : throw new FileNotFoundException(
                $"{LocalPath} not found above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}; a chart page " +
                "carries plotly.js instead of loading it from the network: run make setup (npm ci) at the repository root");

    /// <summary>
    /// plotly.js inline, defining <c>window.Plotly</c>, then drawing the charts that waited for it. Hiding
    /// define/module/exports from its UMD wrapper keeps it from registering as an anonymous AMD module where
    /// require.js is loaded (Jupyter, nbconvert's pages), which would fail; "&lt;/script" inside the code would end
    /// the element early, and "&lt;\/" means the same to JavaScript.
    /// </summary>
    public static string Inline(string plotlySource) =>
        $"<script type=\"text/javascript\" {CarrierAttribute}=\"{Version}\">if (!window.Plotly) {{ (function (define, module, exports) {{\n" +
        plotlySource.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase) +
        $"\n}})(); }}\n({WaitingList} || []).splice(0).forEach(function (draw) {{ draw(); }});</script>";

    private static string Missing() =>
        "<p style=\"color: #a00; font: 13px sans-serif;\">The charts need plotly.js, which the helpers take from " +
        $"{LocalPath} (installed by <code>make setup</code>); it was not found above {System.Net.WebUtility.HtmlEncode(Directory.GetCurrentDirectory())}.</p>\n";
}
