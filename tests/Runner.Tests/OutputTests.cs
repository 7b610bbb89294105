using System.Text.Json.Nodes;
using FluentAssertions;
using NotebookRunner.Tests.Support;
using Xunit;

namespace NotebookRunner.Tests;

/// <summary>
/// Runs Fixtures/outputs.ipynb once in the real kernel and checks every output is saved the way
/// VS Code + Polyglot save it, and the file in VS Code's layout.
/// </summary>
public sealed class OutputTests(OutputTests.Run run) : IClassFixture<OutputTests.Run>
{
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGP4z8AARwzEcQCukw/x0F8jngAAAABJRU5ErkJggg==";
    private const string PlainTextBlock = "<div class=\"dni-plaintext\"><pre>{0}</pre></div>";

    public sealed class Run : IAsyncLifetime
    {
        internal FixtureWorkspace Workspace { get; } = new();

        internal ExecutedNotebook Notebook { get; private set; } = null!;

        public async Task InitializeAsync() => Notebook = await InProcessRun.RunAsync(Workspace, "outputs.ipynb");

        public Task DisposeAsync()
        {
            Workspace.Dispose();
            return Task.CompletedTask;
        }
    }

    private ExecutedNotebook Notebook => run.Notebook;

    [Fact]
    public void Every_csharp_cell_succeeds_and_is_numbered_in_order()
    {
        Notebook.Result.Error.Should().BeNull();
        Notebook.Cell(0)["execution_count"].Should().BeNull("markdown cells are not executed");
        Enumerable.Range(1, 13).Concat([15, 16]).Select(i => (int)Notebook.Cell(i)["execution_count"]!)
            .Should().Equal(Enumerable.Range(1, 15));
    }

    [Fact]
    public void A_cell_for_a_kernel_nbrun_does_not_have_is_skipped_unrun_with_a_reason()
    {
        Notebook.Cell(14)["execution_count"].Should().BeNull();
        Notebook.Outputs(14).Should().BeEmpty();
        Notebook.Progress.Events.Should().Contain(e => e.StartsWith("skip 15: kernel \"fsharp\" is not one of nbrun's kernels (csharp, "));
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
    public void A_trailing_expression_is_shown_as_display_data_in_the_kernels_plain_text_html_block()
    {
        var output = Notebook.Outputs(2).Single()!;
        output["output_type"]!.GetValue<string>().Should().Be("display_data");
        output["metadata"]!.AsObject().Should().BeEmpty();
        ExecutedNotebook.Text(output["data"]!["text/html"]).Should().StartWith(string.Format(PlainTextBlock, 42) + "<style>");
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
    public void Updates_of_a_display_handle_replace_one_output_in_place_beside_the_first_display()
    {
        // This kernel's display() publishes one DisplayedValue and returns another with a new id,
        // so Polyglot shows the first display and one more output that every Update replaces.
        Notebook.Outputs(5).Select(output => ExecutedNotebook.Text(output!["data"]!["text/html"]))
            .Should().Equal("<progress value='0' max='3'></progress>", "<progress value='3' max='3'></progress>");
    }

    [Fact]
    public void A_display_made_through_the_invocation_context_is_updated_in_place()
    {
        Notebook.Outputs(16).Select(output => ExecutedNotebook.Text(output!["data"]!["text/html"]))
            .Should().Equal("<progress value='3' max='3'></progress>");
    }

    [Fact]
    public void An_update_from_a_later_cell_of_a_display_an_earlier_cell_shows_changes_no_output()
    {
        // VS Code replaces outputs of the executing cell only, so it saves neither the update nor a new output.
        Notebook.Outputs(15).Should().BeEmpty();
        ExecutedNotebook.Text(Notebook.Outputs(5)[1]!["data"]!["text/html"]).Should().Be("<progress value='3' max='3'></progress>");
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
    public void Markdown_magic_renders_the_rest_of_the_cell_as_html()
    {
        var html = ExecutedNotebook.Text(Notebook.Data(10, 0)["text/html"]);
        html.Should().Contain("Rendered heading</h1>").And.Contain("<em>emphasis</em>");
    }

    [Fact]
    public void Time_magic_reports_wall_time_after_the_cell_and_the_csharp_selector_is_a_no_op()
    {
        ExecutedNotebook.Text(Notebook.Data(11, 0)["text/plain"]).Should().MatchRegex(@"^Wall time: \d+(\.\d+)?ms$");
        ExecutedNotebook.Text(Notebook.Data(12, 0)["text/html"]).Should().StartWith(string.Format(PlainTextBlock, 43));
    }

    [Fact]
    public void Set_magic_declares_a_csharp_string_variable()
    {
        ExecutedNotebook.Text(Notebook.Data(13, 0)["text/plain"]).Should().Be("String 7");
    }

    [Fact]
    public void The_executed_copy_is_written_like_vs_code_writes_notebooks()
    {
        var text = File.ReadAllText(run.Workspace.Executed("outputs.ipynb"));
        var json = JsonNode.Parse(text)!.AsObject();

        text.Should().EndWith("}\n").And.StartWith("{\n \"cells\": [\n  {\n   \"cell_type\"");
        AssertKeysSorted(json);
        json["cells"]!.AsArray().Select(cell => (string)cell!["id"]!)
            .Should().Equal(JsonNode.Parse(File.ReadAllText(run.Workspace.Notebook("outputs.ipynb")))!["cells"]!.AsArray().Select(cell => (string)cell!["id"]!));
        json["cells"]!.AsArray().Should().OnlyContain(cell => cell!["source"] is JsonArray);
        json["metadata"]!["language_info"]!["name"]!.GetValue<string>().Should().Be("polyglot-notebook");
        json["metadata"]!["language_info"]!["pygments_lexer"]!.GetValue<string>().Should().Be("csharp");
        json["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>().Should().Be("csharp");
        json["nbformat_minor"]!.GetValue<int>().Should().Be(5);
    }

    private static void AssertKeysSorted(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Select(pair => pair.Key).Should().BeInAscendingOrder(StringComparer.Ordinal);
                foreach (var (_, value) in obj)
                    AssertKeysSorted(value);
                break;
            case JsonArray array:
                foreach (var item in array)
                    AssertKeysSorted(item);
                break;
        }
    }
}
