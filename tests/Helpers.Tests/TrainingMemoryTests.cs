using static TorchSharp.torch.nn;

namespace Helpers.Tests;

/// <summary>
/// Long training stays flat: the helpers' training loop runs each step in a dispose scope, so nothing accumulates.
/// Counts live tensors and resident memory of the whole process, so it runs alone.
/// </summary>
[Collection(nameof(GlobalState))]
public class TrainingMemoryTests
{
    [Fact]
    public void Ten_thousand_training_steps_keep_the_live_tensors_and_the_resident_memory_flat()
    {
        manual_seed(7);
        using var x = randn(6400, 16);
        using var y = x.sum(1, keepdim: true).sin();
        using var model = Sequential(Linear(16, 64), ReLU(), Linear(64, 1));
        using var optimizer = optim.Adam(model.parameters(), lr: 3e-3);
        Func<Tensor, Tensor, Tensor> lossOf = (bx, by) => functional.mse_loss(model.call(bx), by);
        double Epoch(int seed) => Helpers.Epoch.Train(model, optimizer, new Batches(x, y, 64, seed: seed), lossOf);

        // 100 steps an epoch. The warm-up creates Adam's state and lets the allocators reach their working size.
        var firstLoss = Epoch(0);
        for (var epoch = 1; epoch < 5; epoch++) Epoch(epoch);
        ProcessMemory.Settle();
        var liveTensors = Tensor.TotalCount;
        var resident = ProcessMemory.ResidentBytes();

        var lastLoss = 0.0;
        for (var epoch = 5; epoch < 105; epoch++) lastLoss = Epoch(epoch);
        ProcessMemory.Settle();

        Assert.Equal(liveTensors, Tensor.TotalCount);
        // One step's activations and gradients are about 100 KB, so a step that kept its graph would add 1 GB over
        // these 10,000 steps, and one that kept a single 64x16 batch 40 MB; the bound leaves room for the JIT and GC.
        var growth = ProcessMemory.ResidentBytes() - resident;
        Assert.True(growth < 32 << 20, $"resident memory grew by {growth >> 10} KiB over 10,000 steps");
        Assert.True(lastLoss < firstLoss / 4, $"the steps trained: loss {firstLoss:G4} at first, {lastLoss:G4} at the end");
    }
}
