namespace Helpers.Tests;

public class TableTests
{
    private sealed record Result(string Model, int Parameters, double Loss);

    [Fact]
    public void Records_become_rows_with_their_properties_as_columns()
    {
        var table = new Table(new[] { new Result("A", 170_000, 0.123456789), new Result("B<", 57_652, 102.58) });

        Assert.Equal(["Model", "Parameters", "Loss"], table.Columns);
        Assert.Equal("0.123457", table[0, "Loss"]);
        Assert.Contains("<th>Parameters</th>", table.ToHtml());
        Assert.Contains("<td>B&lt;</td><td>57652</td><td>102.58</td>", table.ToHtml());
        Assert.Equal(
            string.Join(Environment.NewLine, "Model  Parameters  Loss", "-----  ----------  --------", "A      170000      0.123457", "B<     57652       102.58"),
            table.ToString());
    }

    [Fact]
    public void Dictionaries_may_have_different_keys()
    {
        var table = new Table(new[]
        {
            new Dictionary<string, object?> { ["epoch"] = 1, ["loss"] = 2.5 },
            new Dictionary<string, object?> { ["epoch"] = 2, ["accuracy"] = 0.9f },
        });

        Assert.Equal(["epoch", "loss", "accuracy"], table.Columns);
        Assert.Equal("", table[1, "loss"]);
        Assert.Equal("0.9", table[1, "accuracy"]);
    }
}
