using FluentAssertions;
using NotebookRunner.Cli;
using NotebookRunner.Tests.Support;
using Xunit;

namespace NotebookRunner.Tests;

/// <summary>Which notebooks `nbrun site` treats as chapters, and in which order.</summary>
public sealed class SiteChaptersTests : WorkspaceTest
{
    [Fact]
    public void Numbered_notebooks_and_chapters_in_parts_are_chapters_in_order_and_others_are_not()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Workspace.Root, "chapters")).FullName;
        foreach (var name in new[] { "04b-second-part.ipynb", "01-dense.ipynb", "04a-first-part.ipynb", "scratch.ipynb", "02-notes.md" })
            File.WriteAllText(Path.Combine(folder, name), "{}");

        SiteCommand.Chapters(folder).Select(Path.GetFileName)
            .Should().Equal("01-dense.ipynb", "04a-first-part.ipynb", "04b-second-part.ipynb");
    }
}
