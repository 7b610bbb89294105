using System.Text.RegularExpressions;

namespace NotebookRunner.Export;

/// <summary>
/// Makes chart pages work without network: plotly.js goes into the page once, as the first
/// element of &lt;head&gt;, before nbconvert's require.js, so plotly sets window.Plotly instead of
/// registering as an AMD module, and before the first chart. Chart outputs draw with window.Plotly.
/// In a notebook the first chart output carries its own copy (the helpers' formatter marks that
/// script with data-helpers-plotly); the page drops those copies, so it holds the library once
/// whatever the outputs carried.
/// </summary>
internal static partial class PlotlyEmbedder
{
    public const string DefaultPath = "node_modules/plotly.js-dist-min/plotly.min.js";
    public const string Marker = "<!-- plotly.js embedded by nbrun -->";

    /// <summary>Whether a page draws charts; pages without any do not carry the 3.5 MB library.</summary>
    public static bool NeedsPlotly(string html) => html.Contains("Plotly", StringComparison.Ordinal);

    public static string Embed(string html, string plotlyScript)
    {
        html = CarriedCopy().Replace(html, "");
        var head = HeadTag().Match(html);
        if (!head.Success)
            throw new ExportException("the nbconvert page has no <head> element to put plotly.js in");
        // "</script" inside the library would end the inline script early; "<\/" means the same to JavaScript.
        var script = plotlyScript.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
        var insertion = $"\n{Marker}\n<script type=\"text/javascript\">\n{script}\n</script>";
        return html.Insert(head.Index + head.Length, insertion);
    }

    // The carried copy escapes "</script" inside the library, so the first "</script>" after it ends the element.
    [GeneratedRegex("<script[^>]*\\sdata-helpers-plotly=[^>]*>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex CarriedCopy();

    [GeneratedRegex("<head(\\s[^>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex HeadTag();
}
