using System.Collections;
using TorchSharp;

namespace Helpers;

/// <summary>
/// Mini-batches <c>(x, y)</c> drawn from two tensors that share their first dimension (images and labels).
/// The order is shuffled with a <see cref="System.Random"/> seeded once here, not with torch's generator,
/// so batching neither consumes nor depends on torch's random stream. Each enumeration (epoch) draws the
/// next permutation, and a new <see cref="Batches"/> with the same seed replays the same epochs.
/// As in TorchSharp's DataLoader (disposeBatch: true), a batch lives until the next one is drawn or the
/// loop ends; clone what you want to keep, or pass <c>disposeBatch: false</c> and dispose it yourself.
/// </summary>
public sealed class Batches : IEnumerable<(torch.Tensor x, torch.Tensor y)>
{
    private readonly torch.Tensor x;
    private readonly torch.Tensor y;
    private readonly int batchSize;
    private readonly Random? random;
    private readonly bool dropLast;
    private readonly bool disposeBatch;

    public Batches(torch.Tensor x, torch.Tensor y, int batchSize, bool shuffle = true, int seed = 0,
                   bool dropLast = false, bool disposeBatch = true)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1");
        if (x.shape[0] != y.shape[0])
            throw new ArgumentException($"x has {x.shape[0]} rows but y has {y.shape[0]}; they must match", nameof(y));
        this.x = x;
        this.y = y;
        this.batchSize = batchSize;
        random = shuffle ? new Random(seed) : null;
        this.dropLast = dropLast;
        this.disposeBatch = disposeBatch;
    }

    /// <summary>Number of rows drawn per epoch.</summary>
    public long Rows => dropLast ? Count * batchSize : x.shape[0];

    /// <summary>Number of batches per epoch.</summary>
    public int Count => (int)(dropLast ? x.shape[0] / batchSize : (x.shape[0] + batchSize - 1) / batchSize);

    public IEnumerator<(torch.Tensor x, torch.Tensor y)> GetEnumerator()
    {
        var order = Order();
        var device = x.device;
        BatchProgress.Begin(Count);
        try
        {
            for (var batch = 0; batch < Count; batch++)
            {
                var start = batch * batchSize;
                var rows = order[start..Math.Min(start + batchSize, order.Length)];
                torch.Tensor bx, by;
                using (var index = torch.tensor(rows, device: device))
                {
                    bx = x.index_select(0, index);
                    by = y.index_select(0, index);
                }
                try
                {
                    yield return (bx, by);
                }
                finally
                {
                    if (disposeBatch)
                    {
                        bx.Dispose();
                        by.Dispose();
                    }
                }
                BatchProgress.Advance(batch + 1);
            }
        }
        finally
        {
            BatchProgress.End();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private long[] Order()
    {
        var order = new long[x.shape[0]];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        random?.Shuffle(order);
        return order;
    }
}
