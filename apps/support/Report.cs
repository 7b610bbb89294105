using System.Net;
using System.Text;
using Markdig;

namespace Helpers.Apps;

/// <summary>
/// The run's index.html: the notebook's markdown and the app's outputs in cell order, like the notebook's exported
/// page. Charts draw with plotly.js, which the page carries inline once (the npm copy), so it opens offline.
/// </summary>
internal sealed class Report
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private readonly List<Block> blocks = [];
    private readonly Lock gate = new();
    private IReadOnlyList<(int Index, string Markdown)> markdownCells = [];
    private int nextMarkdown, outputs;
    private string title = "";
    private bool titled;
    private Block? printed;

    public void Begin(string chapter, IReadOnlyList<(int Index, string Markdown)> markdown)
    {
        title = chapter;
        markdownCells = markdown;
    }

    /// <summary>Takes the markdown cells before code cell <paramref name="index"/> into the report; returns their headings.</summary>
    public IReadOnlyList<string> EnterCell(int index)
    {
        lock (gate)
        {
            var headings = new List<string>();
            while (nextMarkdown < markdownCells.Count && markdownCells[nextMarkdown].Index < index)
            {
                var text = markdownCells[nextMarkdown++].Markdown;
                blocks.Add(new Block(Markdig.Markdown.ToHtml(text, Markdown)));
                var lines = text.Split('\n');
                headings.AddRange(lines.Where(line => line.StartsWith('#')).Select(line => line.TrimStart('#').Trim()));
                if (!titled && lines.FirstOrDefault(line => line.StartsWith("# ", StringComparison.Ordinal)) is { } h1)
                    (title, titled) = (h1[2..].Trim(), true);
            }
            printed = null;
            return headings;
        }
    }

    public void Parameters(string? profile, IReadOnlyList<(string Name, string Value)> values)
    {
        lock (gate)
        {
            var text = $"{(profile is null ? "notebook defaults" : $"profile {profile}")}: " +
                       string.Join(", ", values.Select(value => $"{value.Name} = {value.Value}"));
            blocks.Add(new Block($"<pre class=\"parameters\">{WebUtility.HtmlEncode(text)}</pre>"));
        }
    }

    /// <summary>A new displayed output at the current place in the report.</summary>
    public Output NewOutput()
    {
        lock (gate)
        {
            var block = new Block("");
            blocks.Add(block);
            printed = null;
            return new Output(this, block, ++outputs);
        }
    }

    /// <summary>Text the chapter printed, kept together in one block until something else is shown.</summary>
    public void Print(string text)
    {
        lock (gate)
        {
            if (printed is null)
            {
                printed = new Block("") { Text = new StringBuilder() };
                blocks.Add(printed);
            }
            printed.Text!.Append(text);
        }
    }

    public void Write(string path)
    {
        string body;
        lock (gate)
            body = string.Join("\n", blocks.Select(block => block.Text is { } text
                ? $"<pre class=\"stdout\">{WebUtility.HtmlEncode(text.ToString().TrimEnd())}</pre>"
                : block.Html));
        var style = "<style>pre { white-space: pre-wrap; } .output img { image-rendering: pixelated; }" +
                    " table.dataframe { border-collapse: collapse; margin: 0.5em 0; }" +
                    " table.dataframe th, table.dataframe td { padding: 0.2em 0.8em; }" +
                    " table.dataframe thead th { border-bottom: 1px solid #999; }</style>";
        var page = HtmlPage.Standalone(title, $"{style}\n<main style=\"max-width: 60em; margin: auto\">\n{body}\n</main>", withPlotly: true);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, page);
        File.Move(temporary, path, overwrite: true);
    }

    internal sealed class Block(string html)
    {
        public string Html { get; set; } = html;

        public StringBuilder? Text { get; init; }
    }

    /// <summary>One displayed output's place in the report.</summary>
    internal sealed class Output
    {
        private readonly Report report;
        private readonly Block block;

        internal Output(Report report, Block block, int number) => (this.report, this.block, Number) = (report, block, number);

        /// <summary>1 for the run's first displayed output, and so on: the prefix of its files.</summary>
        public int Number { get; }

        public void Set(string html)
        {
            lock (report.gate)
                block.Html = $"<div class=\"output\">{html}</div>";
        }
    }
}
