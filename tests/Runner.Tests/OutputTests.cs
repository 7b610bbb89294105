using FluentAssertions;
using NotebookRunner.Tests.Support;
using Xunit;

namespace NotebookRunner.Tests;

/// <summary>Runs Fixtures/outputs.ipynb once and checks every output is saved the way VS Code saves it.</summary>
public sealed class OutputTests(OutputTests.Run run) : IClassFixture<OutputTests.Run>
{
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGP4z8AARwzEcQCukw/x0F8jngAAAABJRU5ErkJggg==";

    public sealed class Run : IAsyncLifetime
    {
        private readonly FixtureWorkspace workspace = new();

        internal ExecutedNotebook Notebook { get; private set; } = null!;

        public async Task InitializeAsync() => Notebook = await InProcessRun.RunAsync(workspace, "outputs.ipynb");

        public Task DisposeAsync()
        {
            workspace.Dispose();
            return Task.CompletedTask;
        }
    }

    private ExecutedNotebook Notebook => run.Notebook;

    [Fact]
    public void Every_cell_succeeds_and_code_cells_are_numbered_in_order()
    {
        Notebook.Result.Error.Should().BeNull();
        Notebook.Cell(0)["execution_count"].Should().BeNull("markdown cells are not executed");
        Enumerable.Range(1, 12).Select(i => (int)Notebook.Cell(i)["execution_count"]!)
            .Should().Equal(Enumerable.Range(1, 12));
    }

    [Fact]
    public void Consecutive_console_writes_merge_into_one_stream_output_per_run_of_a_stream()
    {
        var outputs = Notebook.Outputs(1);
        outputs.Select(output => (string)output!["name"]!).Should().Equal("stdout", "stderr", "stdout");
        outputs.Select(output => (string)output!["output_type"]!).Should().OnlyContain(type => type == "stream");
        outputs[0]!["text"]!.AsArray().Select(line => (string)line!).Should().Equal("first\n", "second line\n");
        ExecutedNotebook.Text(outputs[1]!["text"]).Should().Be("warning\n");
        ExecutedNotebook.Text(outputs[2]!["text"]).Should().Be("after\n");
    }

    [Fact]
    public void A_trailing_expression_is_shown_as_display_data_in_a_plain_text_html_block()
    {
        var output = Notebook.Outputs(2).Single()!;
        output["output_type"]!.GetValue<string>().Should().Be("display_data");
        output["metadata"]!.AsObject().Should().BeEmpty();
        ExecutedNotebook.Text(output["data"]!["text/html"]).Should().Be("<div class=\"dni-plaintext\"><pre>42</pre></div>");
    }

    [Fact]
    public void Display_shows_strings_as_plain_text_and_html_values_raw()
    {
        Notebook.Outputs(3).Should().HaveCount(3);
        ExecutedNotebook.Text(Notebook.Data(3, 0)["text/plain"]).Should().Be("plain words");
        ExecutedNotebook.Text(Notebook.Data(3, 1)["text/html"]).Should().Be("<b>bold</b>");
        ExecutedNotebook.Text(Notebook.Data(3, 2)["text/html"]).Should().Be("<i>raw</i>");
    }

    [Fact]
    public void An_image_is_saved_as_one_base64_string()
    {
        var data = Notebook.Data(4, 0);
        data.Select(pair => pair.Key).Should().Equal("image/png");
        data["image/png"]!.GetValue<string>().Should().Be(Png);
    }

    [Fact]
    public void An_updated_display_keeps_only_its_final_state()
    {
        var output = Notebook.Outputs(5).Single()!;
        ExecutedNotebook.Text(output["data"]!["text/html"]).Should().Be("<progress value='3' max='3'></progress>");
    }

    [Fact]
    public void Explicit_mime_types_are_honoured()
    {
        ExecutedNotebook.Text(Notebook.Data(6, 0)["text/plain"]).Should().Be("3.5");
        var both = Notebook.Data(6, 1);
        both.Select(pair => pair.Key).Should().BeEquivalentTo("text/plain", "text/html");
        ExecutedNotebook.Text(both["text/plain"]).Should().Be("42");
    }

    [Fact]
    public void Statements_and_void_expressions_produce_no_value_output()
    {
        Notebook.Outputs(7).Should().BeEmpty();
        Notebook.Outputs(8).Single()!["output_type"]!.GetValue<string>().Should().Be("stream");
    }

    [Fact]
    public void Multi_line_text_is_stored_as_lines_that_keep_their_newlines()
    {
        Notebook.Data(9, 0)["text/plain"]!.AsArray().Select(line => (string)line!).Should().Equal("two\n", "lines");
    }

    [Fact]
    public void Markdown_directive_renders_the_rest_of_the_cell_as_html()
    {
        var html = ExecutedNotebook.Text(Notebook.Data(10, 0)["text/html"]);
        html.Should().Contain("Rendered heading</h1>").And.Contain("<em>emphasis</em>");
    }

    [Fact]
    public void Time_directive_reports_wall_time_after_the_cell()
    {
        ExecutedNotebook.Text(Notebook.Data(11, 0)["text/plain"]).Should().MatchRegex(@"^Wall time: \d+(\.\d+)?ms$");
        ExecutedNotebook.Text(Notebook.Data(12, 0)["text/html"]).Should().Contain("<pre>43</pre>", "#!csharp is a no-op in a C# cell");
    }
}
