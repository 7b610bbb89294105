using Markdig;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookRunner.Hosting;

/// <summary>
/// #!markdown in a code cell: the rest of the cell is rendered with Markdig (math and advanced
/// extensions) and shown as text/html instead of being run. Like #!time this comes from
/// Microsoft.DotNet.Interactive.Jupyter in the dotnet-interactive tool, which our feed does not serve.
/// </summary>
internal static class MarkdownMagic
{
    private const string Name = "#!markdown";

    private static readonly MarkdownPipeline Pipeline =
        new MarkdownPipelineBuilder().UseMathematics().UseAdvancedExtensions().Build();

    public static void AddTo(CompositeKernel kernel) =>
        kernel.AddDirective(new KernelActionDirective(Name, "Convert the code that follows from Markdown into HTML"), Render);

    private static Task Render(KernelCommand _, KernelInvocationContext context)
    {
        if (context.Command is SubmitCode submission)
        {
            var html = Markdown.ToHtml(submission.Code.Replace(Name, "").Trim(), Pipeline);
            context.Publish(new DisplayedValueProduced(html, submission, [new FormattedValue(HtmlFormatter.MimeType, html)]));
            // The cell's code was markdown: the C# kernel must not see it.
            context.Complete(submission);
        }
        return Task.CompletedTask;
    }
}
