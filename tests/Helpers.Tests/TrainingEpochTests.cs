using TorchSharp.Modules;

namespace Helpers.Tests;

public class TrainingEpochTests
{
    // y = 2 x1 - 3 x2 + 1, exactly: a linear layer can fit it to zero loss.
    private static (Tensor x, Tensor y) Line(int rows)
    {
        var x = rand(rows, 2) * 2 - 1;
        return (x, (x * tensor(new float[] { 2, -3 })).sum(1, keepdim: true) + 1);
    }

    private static Func<Tensor, Tensor, Tensor> Mse(Linear model) => (x, y) => nn.functional.mse_loss(model.call(x), y);

    [Fact]
    public void Training_passes_lower_the_loss_and_leave_the_model_in_training_mode()
    {
        using var scope = NewDisposeScope();
        var (x, y) = Line(64);
        using var model = nn.Linear(2, 1);
        using var optimizer = optim.SGD(model.parameters(), 0.1);

        var losses = Enumerable.Range(1, 30)
            .Select(epoch => Epoch.Train(model, optimizer, new Batches(x, y, 8, seed: epoch, disposeBatch: false), Mse(model)))
            .ToArray();

        Assert.True(model.training);
        Assert.True(losses[^1] < losses[0] / 100, $"loss went from {losses[0]:G3} to {losses[^1]:G3}");
        Assert.Equal([2f, -3f], model.weight!.data<float>().ToArray(), (a, b) => Math.Abs(a - b) < 0.1);
    }

    [Fact]
    public void A_loss_that_is_not_a_number_stops_the_pass_naming_the_batch()
    {
        using var scope = NewDisposeScope();
        var (x, y) = Line(32);
        using var model = nn.Linear(2, 1);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var batch = 0;

        var error = Assert.Throws<ArithmeticException>(() => Epoch.Train(model, optimizer,
            new Batches(x, y, 8, shuffle: false, disposeBatch: false),
            (input, target) => ++batch == 3 ? Mse(model)(input, target) * double.NaN : Mse(model)(input, target)));

        Assert.Contains("batch 3 of 4 is NaN", error.Message);
        Assert.False(model.weight!.isnan().any().item<bool>());
    }

    [Fact]
    public void Evaluation_weighs_each_batch_by_its_rows_and_changes_nothing()
    {
        using var x = arange(5, float32).unsqueeze(1);   // 0..4: the mean per row is 2
        using var y = zeros(5, 1);
        using var model = nn.Linear(1, 1);
        var before = model.weight!.data<float>().ToArray();

        // Batches of 2, 2 and 1: the mean of the batch means would be (0.5 + 2.5 + 4) / 3 = 2.33.
        var average = Epoch.Evaluate(model, new Batches(x, y, 2, shuffle: false, disposeBatch: false), (bx, _) =>
        {
            Assert.False(is_grad_enabled());
            return bx.mean();
        });

        Assert.Equal(2.0, average, 6);
        Assert.False(model.training);
        Assert.Equal(before, model.weight!.data<float>().ToArray());
    }

    [Fact]
    public void A_loss_that_is_not_one_number_is_named_with_its_shape()
    {
        using var scope = NewDisposeScope();
        var (x, y) = Line(4);
        using var model = nn.Linear(2, 1);
        using var optimizer = optim.SGD(model.parameters(), 0.1);

        var error = Assert.Throws<ArgumentException>(() =>
            Epoch.Train(model, optimizer, new Batches(x, y, 4, disposeBatch: false), (bx, _) => model.call(bx)));

        Assert.Contains("[4, 1]", error.Message);
        Assert.Contains("lossOf", error.Message);
    }

    [Fact]
    public void Inference_in_slices_equals_one_pass_and_returns_plain_cpu_tensors()
    {
        using var scope = NewDisposeScope();
        using var model = nn.Linear(3, 2);
        var inputs = randn(1050, 3);

        var sliced = Inference.InBatches(model.call, inputs, batchSize: 500, device: torch.CPU);

        Assert.Equal([1050L, 2], sliced.shape);
        Assert.False(sliced.requires_grad);
        Assert.Equal(DeviceType.CPU, sliced.device_type);
        using (no_grad())
            Assert.True(sliced.allclose(model.call(inputs), rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Inference_slices_250_rows_by_default_so_a_conv_model_stays_within_a_worker_threads_heaps()
    {
        using var inputs = arange(600f).reshape(600, 1);
        var rows = new List<long>();

        using var joined = Inference.InBatches(x => { rows.Add(x.shape[0]); return x * 2; }, inputs);

        using var expected = inputs * 2;
        Assert.Equal([250L, 250L, 100L], rows);
        Assert.True(joined.allclose(expected, rtol: 0, atol: 0));
    }

    [Fact]
    public void Inference_rejects_an_empty_input_and_a_batch_size_below_one()
    {
        using var empty = zeros(0, 3);
        using var some = zeros(4, 3);

        Assert.Contains("[0, 3]", Assert.Throws<ArgumentException>(() => Inference.InBatches(t => t, empty)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Inference.InBatches(t => t, some, batchSize: 0));
    }
}

/// <summary>Training steps keep memory flat: counted with the process-wide live tensor count, so alone.</summary>
[Collection(nameof(GlobalState))]
public class TrainingEpochMemoryTests
{
    [Fact]
    public void Many_training_passes_leave_no_tensor_behind()
    {
        using var x = randn(256, 4);
        using var y = randn(256, 1);
        using var model = nn.Linear(4, 1);
        using var optimizer = optim.Adam(model.parameters(), lr: 0.01);
        Func<Tensor, Tensor, Tensor> lossOf = (bx, by) => nn.functional.mse_loss(model.call(bx), by);
        Epoch.Train(model, optimizer, new Batches(x, y, 16, disposeBatch: false), lossOf);   // Adam's state exists from here on
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var live = Tensor.TotalCount;

        for (var epoch = 0; epoch < 20; epoch++)
        {
            Epoch.Train(model, optimizer, new Batches(x, y, 16, seed: epoch), lossOf);
            Epoch.Evaluate(model, new Batches(x, y, 16, shuffle: false), lossOf);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal(live, Tensor.TotalCount);
    }
}
