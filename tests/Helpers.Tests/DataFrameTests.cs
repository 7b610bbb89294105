namespace Helpers.Tests;

/// <summary>Tables are DataFrames: how rows become one (<see cref="DataFrames.ToDataFrame{T}"/>) and how one is drawn.</summary>
public class DataFrameTests
{
    private sealed record Result(string Model, int Parameters, double Loss);

    [Fact]
    public void Records_become_typed_columns_named_after_their_properties()
    {
        var frame = new[] { new Result("A", 170_000, 0.123456789), new Result("B<", 57_652, 102.58) }.ToDataFrame();

        Assert.Equal(["Model", "Parameters", "Loss"], frame.Columns.Select(c => c.Name));
        Assert.Equal([typeof(string), typeof(int), typeof(double)], frame.Columns.Select(c => c.DataType));
        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal(0.123456789, frame["Loss"][0]);
        Assert.Equal("B<", frame["Model"][1]);
    }

    [Fact]
    public void Anonymous_objects_keep_nulls_and_an_empty_list_still_has_its_columns()
    {
        double? missing = null;
        var rows = new[] { new { Epoch = 1, Ours = (double?)0.5 }, new { Epoch = 2, Ours = missing } };

        var frame = rows.ToDataFrame();
        var empty = rows.Take(0).ToDataFrame();

        Assert.Equal(typeof(double), frame["Ours"].DataType);
        Assert.Null(frame["Ours"][1]);
        Assert.Equal(["Epoch", "Ours"], empty.Columns.Select(c => c.Name));
        Assert.Equal([typeof(int), typeof(double)], empty.Columns.Select(c => c.DataType));
        Assert.Equal(0, empty.Rows.Count);
    }

    [Fact]
    public void Tuples_take_the_names_they_are_given_and_a_wrong_number_of_names_is_refused()
    {
        var rows = new[] { (1, 0.22f, true), (2, 0.19f, false) };

        var named = rows.ToDataFrame("epoch", "loss", "best");
        var unnamed = rows.ToDataFrame();
        var error = Assert.Throws<ArgumentException>(() => rows.ToDataFrame("epoch", "loss"));

        Assert.Equal(["epoch", "loss", "best"], named.Columns.Select(c => c.Name));
        Assert.Equal([typeof(int), typeof(float), typeof(bool)], named.Columns.Select(c => c.DataType));
        Assert.Equal(["Item1", "Item2", "Item3"], unnamed.Columns.Select(c => c.Name));
        Assert.Equal("columnNames", error.ParamName);
        Assert.Contains("2 column names (epoch, loss) for 3 columns", error.Message);
    }

    [Fact]
    public void Dictionaries_may_have_different_keys_and_mixed_numbers_widen_to_double()
    {
        var frame = new[]
        {
            new Dictionary<string, object?> { ["epoch"] = 1, ["loss"] = 2 },
            new Dictionary<string, object?> { ["epoch"] = 2L, ["loss"] = 1.5, ["note"] = "best" },
        }.ToDataFrame();

        Assert.Equal(["epoch", "loss", "note"], frame.Columns.Select(c => c.Name));
        Assert.Equal([typeof(long), typeof(double), typeof(string)], frame.Columns.Select(c => c.DataType));
        Assert.Equal(2.0, frame["loss"][0]);
        Assert.Null(frame["note"][0]);
    }

    [Fact]
    public void Rows_of_runtime_types_are_read_one_by_one()
    {
        object[] rows = [new { Model = "A", Difference = 0f }, new { Model = "B", Difference = 1e-7f }];

        var frame = rows.ToDataFrame();

        Assert.Equal(["Model", "Difference"], frame.Columns.Select(c => c.Name));
        Assert.Equal(typeof(float), frame["Difference"].DataType);
    }

    [Fact]
    public void Html_has_a_header_per_column_numbers_right_aligned_and_text_encoded()
    {
        var html = DataFrames.ToHtml(new[] { new Result("A", 170_000, 0.123456789), new Result("B<", 57_652, 102.58) }.ToDataFrame());

        Assert.StartsWith("<table class=\"dataframe\"><thead><tr><th style=\"text-align: left;", html);
        Assert.Equal(["Model", "Parameters", "Loss"], Cells(html, "th"));
        Assert.Equal(["A", "170,000", "0.12", "B&lt;", "57,652", "102.58"], Cells(html, "td"));
        Assert.Contains("<td style=\"text-align: right; font-variant-numeric: tabular-nums; white-space: pre-wrap;\">57,652</td>", html);
        Assert.Contains("<td style=\"text-align: left; white-space: pre-wrap;\">B&lt;</td>", html);
        Assert.DoesNotContain("more row", html);
    }

    [Theory]
    [InlineData(new[] { 180.44, 106.82 }, new[] { "180.44", "106.82" })]             // losses in nats: 2 decimals
    [InlineData(new[] { 0.2259, 0.1978 }, new[] { "0.2259", "0.1978" })]             // below 1: 4 significant digits
    [InlineData(new[] { 0.0207, 0.25 }, new[] { "0.0207", "0.2500" })]               // one precision per column
    [InlineData(new[] { 417.0, 1716.0 }, new[] { "417", "1,716" })]                  // whole numbers: no decimals
    [InlineData(new[] { 2.98e-8, 0.0 }, new[] { "2.98E-8", "0" })]                 // tiny values: scientific
    [InlineData(new[] { double.NaN, double.PositiveInfinity, 1.5 }, new[] { "NaN", "∞", "1.500" })]
    public void Each_number_column_gets_one_sensible_precision(double[] values, string[] shown)
    {
        var html = DataFrames.ToHtml(values.Select(v => new { value = v }).ToDataFrame());

        Assert.Equal(shown, Cells(html, "td"));
    }

    [Fact]
    public void At_most_max_rows_are_shown_then_how_many_more_there_are()
    {
        var frame = Enumerable.Range(1, 50).Select(epoch => new { epoch, loss = 100.0 / epoch }).ToDataFrame();

        var html = DataFrames.ToHtml(frame, maxRows: 20);
        var text = DataFrames.ToText(frame, maxRows: 20);

        Assert.Equal(20 * 2 + 1, Cells(html, "td").Count);
        Assert.Contains("<td colspan=\"2\" style=\"text-align: left; font-style: italic;\">… 30 more rows</td>", html);
        Assert.Equal(["epoch", "-----", .. Enumerable.Range(1, 20).Select(e => e.ToString()), "… 30 more rows"],
                     text.Split(Environment.NewLine).Select(line => line.Split("  ", StringSplitOptions.RemoveEmptyEntries)[0].Trim()));
        Assert.Contains("… 1 more row", DataFrames.ToText(frame, maxRows: 49));
        Assert.Equal(DataFrames.ToHtml(frame, DataFrames.MaxRows), DataFrames.ToHtml(frame));
    }

    [Fact]
    public void Text_pads_columns_and_right_aligns_numbers()
    {
        var text = DataFrames.ToText(new[] { new Result("A", 170_000, 0.123456789), new Result("Big model", 57_652, 102.58) }.ToDataFrame());

        Assert.Equal(
            [
                "Model      Parameters    Loss",
                "---------  ----------  ------",
                "A             170,000    0.12",
                "Big model      57,652  102.58",
            ],
            text.Split(Environment.NewLine));
    }

    [Fact]
    public void A_frame_without_columns_says_so()
    {
        Assert.Contains("empty DataFrame", DataFrames.ToHtml(new DataFrame()));
        Assert.Contains("empty DataFrame", DataFrames.ToText(new DataFrame()));
    }

    [Fact]
    public void Multi_line_text_keeps_its_lines_in_a_cell()
    {
        var html = DataFrames.ToHtml(new[] { new { ConnectedTo = "a[0][0]\nb[0][0]" } }.ToDataFrame());

        Assert.Equal(["a[0][0]\nb[0][0]"], Cells(html, "td"));
        Assert.Contains("white-space: pre-wrap", html);
    }

    /// <summary>The contents of every <paramref name="tag"/> element, in order.</summary>
    internal static List<string> Cells(string html, string tag) =>
        System.Text.RegularExpressions.Regex.Matches(html, $"<{tag}(?:\\s[^>]*)?>(.*?)</{tag}>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value).ToList();
}
