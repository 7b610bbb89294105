namespace Helpers;

/// <summary>
/// A plotly.js chart. Each rendering gets a fresh element id, so a display updated in place
/// (<c>view.Update(chart)</c>) never collides with the output it replaces.
/// </summary>
public abstract class Chart : Figure
{
    private protected Chart(string title, string xTitle, string yTitle)
    {
        Title = title;
        XTitle = xTitle;
        YTitle = yTitle;
    }

    public string Title { get; }

    public string XTitle { get; }

    public string YTitle { get; }

    /// <summary>Height of the chart in pixels; its width follows the output.</summary>
    public int Height { get; init; } = 450;

    /// <summary>Significant digits kept for the plotted numbers.</summary>
    private protected abstract int Digits { get; }

    private protected abstract IEnumerable<object> Traces();

    /// <summary>plotly's legend.itemsizing: "trace" draws legend symbols like the trace, "constant" at a readable size.</summary>
    private protected virtual string LegendItemSizing => "trace";

    private protected override bool DrawsWithPlotly => true;

    public override string ToHtml()
    {
        var id = "chart-" + Guid.NewGuid().ToString("N");
        var layout = new
        {
            title = new { text = Title },
            xaxis = new { title = new { text = XTitle }, zeroline = false },
            yaxis = new { title = new { text = YTitle }, zeroline = false },
            legend = new { itemsizing = LegendItemSizing },
            height = Height,
            margin = new { t = string.IsNullOrEmpty(Title) ? 20 : 50, r = 20 },
        };
        var config = new { responsive = true, displaylogo = false };
        return PlotlyScript.Fragment(id, Height,
            PlotlyJson.Serialize(Traces(), Digits), PlotlyJson.Serialize(layout, Digits), PlotlyJson.Serialize(config, Digits));
    }
}
