using System.Globalization;
using System.Net;
using System.Text;
using NotebookRunner.Execution;

namespace NotebookRunner.Export;

/// <summary>The site's index.html: the chapters in order, each with its title, run time and whether it failed.</summary>
internal static class SiteIndex
{
    public static string Render(string title, IReadOnlyList<ExportedChapter> chapters)
    {
        var page = new StringBuilder();
        page.Append($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{{Encode(title)}}</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
            li { margin: 0.4rem 0; }
            .time { color: #666; font-size: 0.9em; }
            .failed { color: #b00020; font-weight: bold; }
            </style>
            </head>
            <body>
            <h1>{{Encode(title)}}</h1>
            <ol>

            """);
        foreach (var chapter in chapters)
            page.Append("<li>").Append(Entry(chapter)).Append("</li>\n");
        page.Append("</ol>\n</body>\n</html>\n");
        return page.ToString();
    }

    private static string Entry(ExportedChapter chapter)
    {
        var job = chapter.Job;
        var name = Encode(job.Title ?? Path.GetFileNameWithoutExtension(job.NotebookPath));
        var link = chapter.PageFile is null ? name : $"<a href=\"{Encode(chapter.PageFile)}\">{name}</a>";
        var seconds = job.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var status = job.Succeeded
            ? $"<span class=\"time\">ran in {seconds} s</span>"
            : $"<span class=\"failed\">failed</span> <span class=\"time\">{Encode(job.Error!)}</span>";
        return $"{link} {status}";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>A notebook's run and the page it was exported to (null when there is none).</summary>
internal sealed record ExportedChapter(NotebookJobResult Job, string? PageFile);
