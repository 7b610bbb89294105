using Markdig;

namespace NotebookRunner.Execution;

/// <summary>Renders "#!markdown" parts of a cell to HTML, with the extensions .NET Interactive enables (math, advanced).</summary>
internal static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline =
        new MarkdownPipelineBuilder().UseMathematics().UseAdvancedExtensions().Build();

    public static string ToHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline);
}
