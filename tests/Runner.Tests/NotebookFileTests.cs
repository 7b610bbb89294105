using System.Text.Json.Nodes;
using FluentAssertions;
using NotebookRunner.Tests.Support;
using Xunit;

namespace NotebookRunner.Tests;

/// <summary>Reading notebooks (bad input named clearly) and writing them in VS Code's exact layout.</summary>
public sealed class NotebookFileTests : WorkspaceTest
{
    [Fact]
    public async Task Executed_notebooks_are_written_like_vs_code_writes_them()
    {
        await InProcessRun.RunAsync(Workspace, "outputs.ipynb");
        var text = File.ReadAllText(Workspace.Executed("outputs.ipynb"));
        var json = JsonNode.Parse(text)!.AsObject();

        text.Should().EndWith("}\n").And.StartWith("{\n \"cells\": [\n  {\n   \"cell_type\"");
        AssertKeysSorted(json);
        json["cells"]!.AsArray().Select(cell => (string)cell!["id"]!)
            .Should().Equal(JsonNode.Parse(File.ReadAllText(Workspace.Notebook("outputs.ipynb")))!["cells"]!.AsArray().Select(cell => (string)cell!["id"]!));
        json["cells"]!.AsArray().Should().OnlyContain(cell => cell!["source"] is JsonArray);
        json["metadata"]!["language_info"]!["name"]!.GetValue<string>().Should().Be("polyglot-notebook");
        json["metadata"]!["language_info"]!["pygments_lexer"]!.GetValue<string>().Should().Be("csharp");
        json["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>().Should().Be("csharp");
        json["nbformat_minor"]!.GetValue<int>().Should().Be(5);
    }

    [Fact]
    public async Task Invalid_json_is_reported_with_file_and_position_and_nothing_is_written()
    {
        using var cli = await CliProcess.RunAsync(Workspace.Root, "run", Workspace.Notebook("invalid.ipynb"), "--out", Workspace.OutputFolder);

        cli.ExitCode.Should().Be(1, cli.Output);
        cli.Output.Should().Contain("invalid.ipynb: invalid JSON at line 3, position");
        Directory.Exists(Workspace.OutputFolder).Should().BeFalse();
    }

    [Fact]
    public async Task A_missing_notebook_is_named()
    {
        var notebook = await InProcessRun.RunAsync(Workspace, "absent.ipynb");

        notebook.Result.Error.Should().Be($"{Workspace.Notebook("absent.ipynb")}: file not found");
    }

    [Fact]
    public async Task Unknown_options_are_usage_errors()
    {
        using var cli = await CliProcess.RunAsync(Workspace.Root, "run", "x.ipynb", "--profle", "smoke");

        cli.ExitCode.Should().Be(2);
        cli.Output.Should().Contain("unknown option --profle");
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
