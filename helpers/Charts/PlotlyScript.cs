namespace Helpers;

/// <summary>
/// The HTML of one chart, in the shape Plotly.NET and XPlot give notebooks (polyglot.md §5): a div, then a
/// script that draws with <c>window.Plotly</c> when the page already has it (our exported pages embed it
/// once in &lt;head&gt;), and otherwise loads plotly.js from its CDN through require.js, loading require.js first
/// where the host has none.
/// </summary>
internal static class PlotlyScript
{
    public static string Fragment(string id, int height, string data, string layout, string config) =>
        (PlotlyLibrary.Embedded is { } source ? PlotlyLibrary.Inline(source) + "\n" : "") +
        $$"""
        <div id="{{id}}" style="width: 100%; height: {{height}}px;"></div>
        <script type="text/javascript">
        (function () {
            var draw = function (Plotly) { Plotly.newPlot('{{id}}', {{data}}, {{layout}}, {{config}}); };
            if (window.Plotly) { draw(window.Plotly); return; }
            var load = function () {
                var plotlyRequire = requirejs.config({ context: 'helpers-plotly-{{PlotlyLibrary.Version}}', paths: { plotly: '{{PlotlyLibrary.CdnModule}}' } }) || require;
                plotlyRequire(['plotly'], draw);
            };
            if (typeof requirejs !== 'function' || typeof requirejs.config !== 'function') {
                var script = document.createElement('script');
                script.setAttribute('src', '{{PlotlyLibrary.RequireJs}}');
                script.onload = load;
                document.getElementsByTagName('head')[0].appendChild(script);
            } else {
                load();
            }
        })();
        </script>
        """;
}
