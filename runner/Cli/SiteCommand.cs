using System.Text.RegularExpressions;
using NotebookRunner.Execution;
using NotebookRunner.Export;
using NotebookRunner.Notebooks;
using NotebookRunner.Parameters;
using Spectre.Console;

namespace NotebookRunner.Cli;

/// <summary>
/// nbrun site: runs every notebooks/NN-*.ipynb (and NNa-*.ipynb) in order, exports each to HTML and writes an
/// index. A failing notebook does not stop the others; the exit code reports it at the end.
/// </summary>
internal static partial class SiteCommand
{
    private static readonly IReadOnlyDictionary<string, string> Options = new Dictionary<string, string>(RunCommand.Options)
    {
        ["--notebooks"] = "--notebooks",
        ["--plotly"] = "--plotly",
        ["--title"] = "--title",
        ["--python"] = "--python",
    };

    public static async Task<int> ExecuteAsync(IReadOnlyList<string> args, IAnsiConsole console, bool live, CancellationToken cancellation)
    {
        var arguments = Arguments.Parse("site", args, Options);
        if (arguments.Positionals.Count > 0)
            throw new UsageException($"nbrun site: unexpected argument {arguments.Positionals[0]}; use --notebooks DIR to choose the folder");
        var notebookFolder = arguments.Single("--notebooks", "notebooks")!;
        var siteFolder = arguments.Single("--out", "site")!;
        var notebooks = Chapters(notebookFolder);
        var plotly = LoadPlotly(arguments.Single("--plotly", PlotlyEmbedder.DefaultPath)!, console);
        var nbconvert = new NbConvert(arguments.Single("--python", NbConvert.DefaultPython)!);
        var job = new NotebookJob(
            // The class profile is the site's default, where the notebooks have profiles at all.
            RunCommand.ParametersFrom(arguments,
                defaultProfile: File.Exists(Path.Combine(notebookFolder, ProfileSet.FileName)) ? "class" : null),
            Path.Combine(siteFolder, "notebooks"),
            new ConsoleProgress(console, live));

        var chapters = new List<ExportedChapter>();
        foreach (var notebook in notebooks)
        {
            var result = await job.RunAsync(notebook, cancellation);
            chapters.Add(await ExportAsync(result, siteFolder, nbconvert, plotly, console, cancellation));
        }
        var title = arguments.Single("--title", "Variational autoencoders in C#")!;
        AtomicFile.WriteAllText(Path.Combine(siteFolder, "index.html"), SiteIndex.Render(title, chapters));
        console.MarkupLineInterpolated($"Site written to {Path.Combine(siteFolder, "index.html")}");
        return RunSummary.Print(console, chapters.Select(chapter => chapter.Job).ToList());
    }

    private static async Task<ExportedChapter> ExportAsync(
        NotebookJobResult result, string siteFolder, NbConvert nbconvert, string? plotly, IAnsiConsole console, CancellationToken cancellation)
    {
        if (result.ExecutedPath is null)
            return new ExportedChapter(result, null);
        var pageFile = Path.GetFileNameWithoutExtension(result.NotebookPath) + ".html";
        try
        {
            var html = await nbconvert.ToHtmlAsync(result.ExecutedPath, cancellation);
            if (plotly is not null && PlotlyEmbedder.NeedsPlotly(html))
                html = PlotlyEmbedder.Embed(html, plotly);
            AtomicFile.WriteAllText(Path.Combine(siteFolder, pageFile), html);
            console.MarkupLineInterpolated($"  [grey]exported {Path.Combine(siteFolder, pageFile)}[/]");
            return new ExportedChapter(result, pageFile);
        }
        catch (ExportException error)
        {
            console.MarkupLineInterpolated($"[red]✗ export of {result.ExecutedPath} failed:[/] {error.Message}");
            return new ExportedChapter(result with { Error = result.Error ?? $"export failed: {error.Message}" }, null);
        }
    }

    /// <summary>The chapter notebooks, NN-name.ipynb or NNa-name.ipynb for a chapter in parts, in chapter order.</summary>
    internal static List<string> Chapters(string folder)
    {
        if (!Directory.Exists(folder))
            throw new UsageException($"nbrun site: notebook folder {folder} does not exist");
        var chapters = Directory.GetFiles(folder, "*.ipynb")
            .Where(path => ChapterName().IsMatch(Path.GetFileName(path)))
            .Order(StringComparer.Ordinal)
            .ToList();
        return chapters.Count > 0
            ? chapters
            : throw new UsageException($"nbrun site: no chapter notebooks (NN-name.ipynb) in {folder}");
    }

    private static string? LoadPlotly(string path, IAnsiConsole console)
    {
        if (File.Exists(path))
            return File.ReadAllText(path);
        console.MarkupLineInterpolated(
            $"[yellow]warning:[/] {path} not found, so chart pages will load plotly.js from its CDN and need network; run npm install to get it");
        return null;
    }

    [GeneratedRegex(@"^\d+[a-z]?-.+\.ipynb$")]
    private static partial Regex ChapterName();
}
