using System.Text.RegularExpressions;

namespace NotebookRunner.Export;

/// <summary>
/// Makes chart pages work without network: plotly.js goes into the page once, as the first
/// element of &lt;head&gt;, before nbconvert's require.js, so plotly sets window.Plotly instead of
/// registering as an AMD module. Chart outputs draw with window.Plotly when it exists.
/// </summary>
internal static partial class PlotlyEmbedder
{
    public const string DefaultPath = "node_modules/plotly.js-dist-min/plotly.min.js";
    public const string Marker = "<!-- plotly.js embedded by nbrun -->";

    /// <summary>Whether a page draws charts; pages without any do not carry the 3.5 MB library.</summary>
    public static bool NeedsPlotly(string html) => html.Contains("Plotly", StringComparison.Ordinal);

    public static string Embed(string html, string plotlyScript)
    {
        var head = HeadTag().Match(html);
        if (!head.Success)
            throw new ExportException("the nbconvert page has no <head> element to put plotly.js in");
        // "</script" inside the library would end the inline script early; "<\/" means the same to JavaScript.
        var script = plotlyScript.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
        var insertion = $"\n{Marker}\n<script type=\"text/javascript\">\n{script}\n</script>";
        return html.Insert(head.Index + head.Length, insertion);
    }

    [GeneratedRegex("<head(\\s[^>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex HeadTag();
}
