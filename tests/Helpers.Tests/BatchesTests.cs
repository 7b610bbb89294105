namespace Helpers.Tests;

public class BatchesTests
{
    [Fact]
    public void An_epoch_visits_every_row_once_in_batches_of_the_given_size()
    {
        using var x = arange(10, float32).unsqueeze(1);
        using var y = arange(10, int64);
        var batches = new Batches(x, y, batchSize: 4, seed: 1);

        var seen = new List<long>();
        var sizes = new List<long>();
        foreach (var (bx, by) in batches)
        {
            sizes.Add(by.shape[0]);
            seen.AddRange(by.data<long>().ToArray());
            Assert.Equal(by.data<long>().ToArray().Select(v => (float)v), bx.flatten().data<float>().ToArray());
        }

        Assert.Equal([4L, 4, 2], sizes);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), seen.Order());
        Assert.NotEqual(Enumerable.Range(0, 10).Select(i => (long)i), seen);
        Assert.Equal(3, batches.Count);
    }

    [Fact]
    public void The_same_seed_replays_the_same_epochs_and_each_epoch_is_a_new_order()
    {
        using var x = arange(20, float32);
        using var y = arange(20, int64);

        var first = Epochs(new Batches(x, y, 5, seed: 7), 2);
        var again = Epochs(new Batches(x, y, 5, seed: 7), 2);

        Assert.Equal(first, again);
        Assert.NotEqual(first[0], first[1]);
    }

    [Fact]
    public void Without_shuffling_rows_come_in_order_and_drop_last_skips_the_short_batch()
    {
        using var x = arange(10, float32);
        using var y = arange(10, int64);

        var batches = new Batches(x, y, 4, shuffle: false, dropLast: true);

        Assert.Equal([[0L, 1, 2, 3, 4, 5, 6, 7]], Epochs(batches, 1));
        Assert.Equal(2, batches.Count);
        Assert.Equal(8, batches.Rows);
    }

    [Fact]
    public void A_batch_is_disposed_when_the_next_is_drawn_unless_asked_not_to()
    {
        using var x = arange(6, float32);
        using var y = arange(6, int64);

        var owned = new Batches(x, y, 2).Select(b => b.x).ToList();
        var kept = new Batches(x, y, 2, disposeBatch: false).Select(b => b.x).ToList();

        Assert.All(owned, t => Assert.True(t.IsInvalid));
        Assert.All(kept, t => Assert.False(t.IsInvalid));
        kept.ForEach(t => t.Dispose());
    }

    [Fact]
    public void Mismatched_row_counts_are_rejected()
    {
        using var x = zeros(5, 2);
        using var y = zeros(4);

        var error = Assert.Throws<ArgumentException>(() => new Batches(x, y, 2));

        Assert.Contains("x has 5 rows but y has 4", error.Message);
    }

    private static List<List<long>> Epochs(Batches batches, int count) =>
        Enumerable.Range(0, count).Select(_ => batches.SelectMany(b => b.y.data<long>().ToArray()).ToList()).ToList();
}
