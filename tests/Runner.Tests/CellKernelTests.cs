using System.Text.Json.Nodes;
using FluentAssertions;
using NotebookRunner.Execution;
using NotebookRunner.Notebooks;
using Xunit;

namespace NotebookRunner.Tests;

/// <summary>Which kernel the runner sends a code cell to.</summary>
public sealed class CellKernelTests
{
    [Theory]
    [InlineData("""{"polyglot_notebook": {"kernelName": "fsharp"}, "dotnet_interactive": {"language": "csharp"}}""", "fsharp")]
    [InlineData("""{"dotnet_interactive": {"language": "C#"}}""", "C#")]
    [InlineData("{}", "pwsh")]
    public void A_cells_kernel_comes_from_its_metadata_then_the_notebook_default(string cellMetadata, string kernel)
    {
        var notebook = new Notebook("n.ipynb", JsonNode.Parse($$"""
            {"cells": [{"cell_type": "code", "metadata": {{cellMetadata}}, "source": "x"}],
             "metadata": {"polyglot_notebook": {"kernelInfo": {"defaultKernelName": "pwsh"} } } }
            """)!.AsObject());

        CellKernelName.Of(notebook.Cells[0], notebook).Should().Be(kernel);
    }

    [Fact]
    public void Without_any_kernel_metadata_a_cell_is_csharp()
    {
        var notebook = new Notebook("n.ipynb", JsonNode.Parse("""{"cells": [{"cell_type": "code", "source": "x"}]}""")!.AsObject());

        CellKernelName.Of(notebook.Cells[0], notebook).Should().Be("csharp");
    }
}
