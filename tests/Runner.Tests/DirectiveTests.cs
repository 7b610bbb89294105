using System.Text.Json.Nodes;
using FluentAssertions;
using NotebookRunner.Execution;
using NotebookRunner.Notebooks;
using Xunit;

namespace NotebookRunner.Tests;

/// <summary>Magic commands handled before Roslyn, and which kernel a cell belongs to.</summary>
public sealed class DirectiveTests
{
    [Fact]
    public void Removed_directive_lines_keep_roslyn_line_numbers_matching_the_cell()
    {
        var parsed = CellDirectives.Parse("#!time\n#r \"lib/A.dll\"\nvar x = ;", CellKernel.CSharp);

        parsed.Time.Should().BeTrue();
        parsed.Errors.Should().BeEmpty();
        parsed.Segments.Single().CodeAtCellLines.Split('\n').Should().Equal("", "#r \"lib/A.dll\"", "var x = ;");
    }

    [Theory]
    [InlineData("#r \"nuget:Plotly.NET\"")]
    [InlineData("#r \"nuget: Plotly.NET, 4.2.0\"")]
    [InlineData("#i \"nuget:/local/feed\"")]
    public void Package_directives_are_errors_that_name_the_line(string directive)
    {
        var parsed = CellDirectives.Parse($"var a = 1;\n{directive}", CellKernel.CSharp);

        parsed.Errors.Should().Equal($"{directive} is not available offline (line 2); build the library and reference the DLL with #r \"path/to/Library.dll\"");
    }

    [Fact]
    public void Unsupported_magic_commands_are_errors_rather_than_silently_ignored()
    {
        CellDirectives.Parse("#!set --name x --value 1", CellKernel.CSharp).Errors
            .Should().ContainSingle().Which.Should().StartWith("#!set --name x --value 1 is not supported by nbrun (line 1)");
    }

    [Fact]
    public void Kernel_selectors_split_a_cell_into_markdown_and_csharp_parts()
    {
        var parsed = CellDirectives.Parse("var a = 1;\n#!markdown\n# Title\n#!c#\na", CellKernel.CSharp);

        parsed.Segments.Select(segment => (segment.Kernel, segment.Code, segment.FirstLine)).Should().Equal(
            (CellKernel.CSharp, "var a = 1;", 0), (CellKernel.Markdown, "# Title", 2), (CellKernel.CSharp, "a", 4));
    }

    [Theory]
    [InlineData("""{"polyglot_notebook": {"kernelName": "fsharp"}, "dotnet_interactive": {"language": "csharp"}}""", "x", "fsharp")]
    [InlineData("""{"dotnet_interactive": {"language": "C#"}}""", "#!fsharp\nx", "csharp")]
    [InlineData("{}", "#!markdown\n# T", "markdown")]
    [InlineData("{}", "x", "pwsh")]
    public void A_cells_kernel_comes_from_its_metadata_then_a_leading_selector_then_the_notebook_default(
        string cellMetadata, string source, string kernel)
    {
        var notebook = new Notebook("n.ipynb", JsonNode.Parse($$$"""
            {"cells": [{"cell_type": "code", "metadata": {{{cellMetadata}}}, "source": {{{JsonValue.Create(source).ToJsonString()}}}}],
             "metadata": {"polyglot_notebook": {"kernelInfo": {"defaultKernelName": "pwsh"} } } }
            """)!.AsObject());

        CellKernel.Resolve(notebook.Cells[0], notebook).Should().Be(kernel);
    }
}
