using System.Text.RegularExpressions;
using Microsoft.Data.Analysis;
using Spectre.Console;
using TorchSharp;

namespace Helpers.Apps;

/// <summary>
/// One displayed value, like the handle the notebook's <c>display</c> returns: <see cref="Update"/> replaces it, in
/// the report and in its file, as a notebook redraws an output in place.
/// </summary>
public sealed partial class Displayed
{
    private readonly Report.Output output;

    internal Displayed(Report.Output output) => this.output = output;

    /// <summary>Shows <paramref name="value"/> in place of what this output showed before.</summary>
    public void Update(object? value)
    {
        if (value is null) return;
        var console = Chapter.Console;
        switch (value)
        {
            case ImageFigure image:
            {
                var file = FileName(image, "png");
                image.SavePng(Path.Combine(Chapter.WorkFolder, file));
                output.Set($"<img src=\"{file}\" alt=\"{System.Net.WebUtility.HtmlEncode(image.ToString())}\">");
                console.MarkupLineInterpolated($"[grey]▸ {image.ToString()} → {file}[/]");   // Spectre escapes string holes only
                break;
            }
            case XPlot.Plotly.PlotlyChart chart:
            {
                var file = FileName(chart, "html");
                chart.SaveHtml(Path.Combine(Chapter.WorkFolder, file));
                output.Set(chart.ToHtml());
                console.MarkupLineInterpolated($"[grey]▸ {chart.ToString()} → {file}[/]");
                break;
            }
            case Figure figure:
            {
                var html = figure.ToHtml();
                if (html.Contains("Plotly.newPlot", StringComparison.Ordinal))
                {
                    var file = FileName(figure, "html");
                    figure.SaveHtml(Path.Combine(Chapter.WorkFolder, file));
                    console.MarkupLineInterpolated($"[grey]▸ {figure.ToString()} → {file}[/]");
                }
                else
                {
                    console.WriteLine(figure.ToString() ?? "");
                }
                output.Set(html);
                break;
            }
            case DataFrame frame:
                output.Set(DataFrames.ToHtml(frame));
                console.Write(TerminalTable(frame));
                break;
            case HtmlFragment fragment:
                output.Set(fragment.Html);
                console.WriteLine(fragment.ToString() ?? "");
                break;
            case torch.Tensor tensor:
                Text(tensor.ToString(TorchSharp.TensorStringStyle.Julia, newLine: "\n"));
                break;
            default:
                Text(value.ToString() ?? "");
                break;
        }
    }

    /// <summary>The DataFrame as the notebook shows it (<see cref="DataFrames.ToHtml"/>'s cells and row limit), drawn with box lines.</summary>
    private static Spectre.Console.Rendering.IRenderable TerminalTable(DataFrame frame)
    {
        var layout = TableLayout.Of(frame, DataFrames.MaxRows);
        if (layout.Columns.Count == 0) return new Text(DataFrames.ToText(frame));
        var table = new Table();
        foreach (var (name, isNumber) in layout.Columns)
            table.AddColumn(new TableColumn(Markup.Escape(name)) { Alignment = isNumber ? Justify.Right : Justify.Left });
        foreach (var row in layout.Rows) table.AddRow(row.Select(cell => new Text(cell)).ToArray());
        if (layout.MoreRowsText is { } more) table.Caption(Markup.Escape(more));
        return table;
    }

    private void Text(string text)
    {
        output.Set($"<pre>{System.Net.WebUtility.HtmlEncode(text)}</pre>");
        Chapter.Console.WriteLine(text);
    }

    /// <summary>"07-image-grid.png": the output's number, then its type, so the files sort in the report's order.</summary>
    private string FileName(object value, string extension) =>
        $"{output.Number:D2}-{Words().Replace(value.GetType().Name, "$1-$2").ToLowerInvariant()}.{extension}";

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex Words();
}
