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
        using var optimizer = new FusedAdam(model.parameters(), lr: 3e-3);   // the notebooks' optimizer
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

    [Fact]
    public void Convolutional_and_transposed_convolutional_steps_keep_the_live_tensors_and_the_resident_memory_flat()
    {
        // The chapters' conv VAEs downsample with strided convolutions and upsample with transposed ones, whose
        // backward passes save their inputs: a step that kept its graph would hold about 150 KB, 150 MB over these steps.
        manual_seed(8);
        using var x = rand(800, 1, 12, 12);
        using var model = Sequential(Conv2d(1, 8, 3, stride: 2, padding: 1), ReLU(),
                                     ConvTranspose2d(8, 1, 3, stride: 2, padding: 1, output_padding: 1), Sigmoid());
        using var optimizer = optim.Adam(model.parameters());
        Func<Tensor, Tensor, Tensor> lossOf = (bx, _) => functional.binary_cross_entropy(model.call(bx), bx);
        double Epoch(int seed) => Helpers.Epoch.Train(model, optimizer, new Batches(x, x, 8, seed: seed), lossOf);

        for (var epoch = 0; epoch < 2; epoch++) Epoch(epoch);
        ProcessMemory.Settle();
        var liveTensors = Tensor.TotalCount;
        var resident = ProcessMemory.ResidentBytes();

        for (var epoch = 2; epoch < 12; epoch++) Epoch(epoch);
        ProcessMemory.Settle();

        Assert.Equal(liveTensors, Tensor.TotalCount);
        var growth = ProcessMemory.ResidentBytes() - resident;
        Assert.True(growth < 32 << 20, $"resident memory grew by {growth >> 10} KiB over 1,000 steps");
    }

    [Fact]
    public void Saving_and_loading_checkpoints_leave_no_tensors_behind()
    {
        var folder = Directory.CreateTempSubdirectory("checkpoint-memory-").FullName;
        try
        {
            var path = Path.Combine(folder, "model.bin");
            using var model = Sequential(Linear(16, 32), ReLU(), Linear(32, 4));
            var named = model.state_dict();
            Checkpoint.Save(model, path);
            ProcessMemory.Settle();
            var liveTensors = Tensor.TotalCount;

            for (var i = 0; i < 50; i++)
            {
                Checkpoint.Save(model, path);
                Checkpoint.Load(model, path);
                Checkpoint.Save(named, path);
                Checkpoint.Load(named, path);
            }
            ProcessMemory.Settle();

            Assert.Equal(liveTensors, Tensor.TotalCount);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
