using System.Globalization;
using XPlot.Plotly;

namespace Helpers;

/// <summary>
/// What the helpers add to XPlot.Plotly's charts: the class palette, the HTML a notebook shows for a chart (the
/// formatter XPlot.Plotly.Interactive would register, with plotly.js from the local npm copy instead of a CDN), and
/// a standalone page.
/// </summary>
public static class Charts
{
    /// <summary>The colours of classes 0..9 (matplotlib's and d3's "category10"); class k gets entry k mod 10.</summary>
    public static IReadOnlyList<string> Palette { get; } =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    internal static string Colour(long index) => Palette[(int)(index % Palette.Count)];

    /// <summary>
    /// The chart as a notebook output: what the helpers' formatter writes. The first chart a kernel shows carries
    /// plotly.js; later charts draw with the copy it defined.
    /// </summary>
    public static string ToNotebookHtml(this PlotlyChart chart) => PlotlyLibrary.CarriedBy(chart) + ToHtml(chart);

    /// <summary>
    /// The chart as an HTML fragment for a page that provides plotly.js (<see cref="SaveHtml"/>, the apps' reports,
    /// the exported site): a div and a script that runs XPlot's own plotting code. A fresh element id per rendering
    /// keeps an output redrawn in place from drawing into the one it replaces.
    /// </summary>
    public static string ToHtml(this PlotlyChart chart) => Fragment(chart, "chart-" + Guid.NewGuid().ToString("N"), "");

    /// <summary>Writes a page that shows the chart offline, plotly.js inline (atomically: a temporary file renamed).</summary>
    public static void SaveHtml(this PlotlyChart chart, string path) =>
        AtomicFile.Write(path, HtmlPage.Standalone(chart.GetType().Name, ToHtml(chart), withPlotly: true));

    /// <summary>
    /// The fragment with a chosen element id; <paramref name="afterDrawing"/> is JavaScript run once the chart is drawn,
    /// with <c>element</c> the chart's div (the latent explorer hooks its mouse handlers there).
    /// </summary>
    internal static string Fragment(PlotlyChart chart, string id, string afterDrawing)
    {
        // XPlot's plotting code is "var data = ...; var layout = ...; Plotly.newPlot('<its id>', data, layout);". Run
        // with a local Plotly whose newPlot draws into this output's element with the notebook's config. "</" inside
        // the JSON's strings would end the script element; "<\/" is the same string to JavaScript.
        var plotting = chart.GetPlottingJS().Replace("</", "<\\/", StringComparison.Ordinal);
        var style = string.Create(CultureInfo.InvariantCulture, $"width: 100%; max-width: {chart.Width}px; height: {chart.Height}px;");
        return $$"""
            <div id="{{id}}" style="{{style}}"><p style="font: 13px sans-serif; color: #555;">The chart draws when plotly.js has loaded: the notebook's first chart carries it.</p></div>
            <script type="text/javascript">
            (function () {
                var draw = function () {
                    var element = document.getElementById('{{id}}');
                    if (!element) return;
                    element.textContent = '';
                    var drawn;
                    var Plotly = { newPlot: function (ignored, data, layout) {
                        return drawn = window.Plotly.newPlot(element, data, layout, { responsive: true, displaylogo: false }); } };
                    {{plotting}}
                    Promise.resolve(drawn).then(function () { {{afterDrawing}} });
                };
                if (window.Plotly) draw();
                else ({{PlotlyLibrary.WaitingList}} = {{PlotlyLibrary.WaitingList}} || []).push(draw);
            })();
            </script>
            """;
    }
}
