using FluentAssertions;
using NotebookRunner.Execution;
using Xunit;

namespace NotebookRunner.Tests;

/// <summary>What of a dying kernel process's own output goes into the error: its first and last lines.</summary>
public sealed class PrintedLinesTests
{
    [Fact]
    public void Lines_between_the_first_and_the_last_ones_are_counted_not_kept()
    {
        var printed = new PrintedLines(keepFirst: 2, keepLast: 2);
        foreach (var line in new[] { "a", "b", "c", "d", "e", "f" })
            printed.Add(line);

        printed.Text.Should().Be("a\nb\n… (2 lines left out)\ne\nf");
    }

    [Fact]
    public void Clearing_forgets_what_an_earlier_cell_printed()
    {
        var printed = new PrintedLines(keepFirst: 2, keepLast: 2);
        printed.Add("earlier");
        printed.Clear();
        printed.Add("now");

        printed.Text.Should().Be("now");
    }
}
