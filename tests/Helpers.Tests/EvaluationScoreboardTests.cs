namespace Helpers.Tests;

public class EvaluationScoreboardTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string previousFolder = Scoreboard.Folder;

    public EvaluationScoreboardTests() => Scoreboard.Folder = temp.File("results");

    public void Dispose()
    {
        Scoreboard.Folder = previousFolder;
        temp.Dispose();
    }

    [Fact]
    public void Recorded_chapters_come_back_in_chapter_order_and_a_new_record_replaces_the_old()
    {
        Scoreboard.Record("02-functional-vae", new YardstickResult(99.5, 95.25, 10, 200), new { epochs = 1 });
        Scoreboard.Record("01-dense-vae", new YardstickResult(120, 110, 10, 200), new { epochs = 1 });
        Scoreboard.Record("01-dense-vae", new YardstickResult(101.234, 96.789, 50, 10000), new { epochs = 20, trainSize = 60000 });

        var table = Scoreboard.Table();

        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["chapter", "negative ELBO", "-log p(x) (IWAE)", "k", "test images", "run"], table.Columns.Select(c => c.Name));
        Assert.Equal("01-dense-vae", table["chapter"][0]);
        Assert.Equal(101.234, table["negative ELBO"][0]);
        Assert.Equal(96.789, table["-log p(x) (IWAE)"][0]);
        Assert.Equal(50, table["k"][0]);
        Assert.Equal(10000L, table["test images"][0]);
        Assert.Equal("epochs 20, trainSize 60000", table["run"][0]);
        Assert.Equal("02-functional-vae", table["chapter"][1]);
        Assert.Contains(">101.23</td>", DataFrames.ToHtml(table));
    }

    [Fact]
    public void No_records_make_an_empty_table_and_a_broken_one_is_named()
    {
        var empty = Scoreboard.Table();
        Assert.Equal(0, empty.Rows.Count);
        Assert.Equal(6, empty.Columns.Count);

        var path = temp.File("results/yardstick/03-conv.json");
        File.WriteAllText(path, "{ \"chapter\": \"03-conv\" }");

        var error = Assert.Throws<InvalidDataException>(() => Scoreboard.Table());
        Assert.Contains(path, error.Message);
    }
}
