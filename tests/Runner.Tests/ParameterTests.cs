using FluentAssertions;
using NotebookRunner.Parameters;
using NotebookRunner.Tests.Support;
using Xunit;

namespace NotebookRunner.Tests;

/// <summary>Papermill-style parameters: profiles from profiles.json, -p overrides, typed literals, typo errors.</summary>
public sealed class ParameterTests : WorkspaceTest
{
    [Fact]
    public async Task Without_values_the_notebook_runs_with_its_own_parameters_and_the_stale_injected_cell_is_dropped()
    {
        var notebook = await InProcessRun.RunAsync(Workspace, "parameters.ipynb");

        notebook.Cells.Should().HaveCount(3, "the committed injected-parameters cell is removed");
        Result(notebook, cellIndex: 2).Should().Be("20|0.001|dense|False|42|Int32|Double|Int64");
    }

    [Fact]
    public async Task A_profile_injects_a_tagged_cell_after_the_parameters_cell_with_notebook_values_over_shared_ones()
    {
        var notebook = await InProcessRun.RunAsync(Workspace, "parameters.ipynb", profile: "smoke");

        notebook.Result.Error.Should().BeNull();
        var injected = notebook.Cell(2);
        injected["metadata"]!["tags"]!.AsArray().Select(tag => (string)tag!).Should().Equal("injected-parameters");
        injected["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>().Should().Be("csharp");
        ExecutedNotebook.Text(injected["source"]).Should().Be(
            "// Parameters\nvar epochs = 1;\nvar learningRate = 0.5;\nvar name = \"tiny \\\"quoted\\\"\";\nvar fast = true;");
        notebook.Cells.Should().HaveCount(4, "the stale injected cell is replaced, not kept");
        Result(notebook, cellIndex: 3).Should().Be("1|0.5|tiny \"quoted\"|True|42|Int32|Double|Int64");
    }

    [Fact]
    public async Task Command_line_values_override_the_profile_and_take_the_declared_type()
    {
        var notebook = await InProcessRun.RunAsync(Workspace, "parameters.ipynb", "class", "epochs=3", "learningRate=2", "seed=7");

        notebook.Result.Error.Should().BeNull();
        ExecutedNotebook.Text(notebook.Cell(2)["source"]).Should().Be(
            "// Parameters\nvar epochs = 3;\nvar learningRate = 2.0;\nvar seed = 7L;");
        Result(notebook, cellIndex: 3).Should().Be("3|2|dense|False|7|Int32|Double|Int64");
    }

    [Fact]
    public async Task A_value_for_an_undeclared_parameter_is_an_error_naming_notebook_and_parameter()
    {
        var notebook = await InProcessRun.RunAsync(Workspace, "parameters.ipynb", profile: "typo");

        notebook.Result.ExecutedPath.Should().BeNull("nothing runs with a misspelt parameter");
        notebook.Result.Error.Should().Contain("parameters.ipynb").And.Contain("\"epoch\"").And.Contain("declares epochs");
        File.Exists(Workspace.Executed("parameters.ipynb")).Should().BeFalse();
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_an_error_naming_the_expected_type()
    {
        var notebook = await InProcessRun.RunAsync(Workspace, "parameters.ipynb", profile: "wrongtype");

        notebook.Result.Error.Should().Contain("\"epochs\"").And.Contain("expected int");
    }

    [Fact]
    public async Task An_unknown_profile_lists_the_profiles_there_are()
    {
        var notebook = await InProcessRun.RunAsync(Workspace, "parameters.ipynb", profile: "fulll");

        notebook.Result.Error.Should().Contain("no profile \"fulll\"").And.Contain("smoke, class, typo, wrongtype");
    }

    [Theory]
    [InlineData("20", "int")]
    [InlineData("3_000_000_000", "long")]
    [InlineData("7L", "long")]
    [InlineData("1e-3", "double")]
    [InlineData("0.5", "double")]
    [InlineData("0.5f", "float")]
    [InlineData("true", "bool")]
    [InlineData("\"text\"", "string")]
    [InlineData("Compute()", null)]
    public void The_type_of_a_declared_literal_is_inferred(string literal, string? type) =>
        CSharpLiteral.TypeOf(literal).Should().Be(type);

    [Theory]
    [InlineData("12", null, "12")]
    [InlineData("5000000000", null, "5000000000L")]
    [InlineData("0.25", null, "0.25")]
    [InlineData("false", null, "false")]
    [InlineData("hello", null, "\"hello\"")]
    [InlineData("12", "string", "\"12\"")]
    [InlineData("3", "double", "3.0")]
    [InlineData("a\\b\n", "string", "\"a\\\\b\\n\"")]
    public void Command_line_text_becomes_a_literal_of_the_declared_or_apparent_type(string text, string? type, string literal) =>
        CSharpLiteral.FromText(text, type).Should().Be(literal);

    private static string Result(ExecutedNotebook notebook, int cellIndex) =>
        ExecutedNotebook.Text(notebook.Data(cellIndex, 0)["text/plain"]);
}
