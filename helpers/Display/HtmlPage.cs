using System.Net;

namespace Helpers;

/// <summary>Wraps a figure's HTML fragment into a page that opens on its own, offline when possible.</summary>
internal static class HtmlPage
{
    public static string Standalone(string title, string body, bool withPlotly) =>
        $"""
        <!DOCTYPE html>
        <html>
        <head>
        <meta charset="utf-8">
        <title>{WebUtility.HtmlEncode(title)}</title>
        {(withPlotly ? PlotlyLibrary.PageScript() : "")}
        </head>
        <body style="font-family: sans-serif">
        {body}
        </body>
        </html>

        """;
}
