using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Helpers.Tests;

/// <summary>
/// The helpers' binary cross-entropy is libtorch's, only faster: the same mean and the same gradient, the same
/// training, the same refusals of bad input, and no tensor left behind. Runs alone (it counts live tensors).
/// </summary>
[Collection(nameof(GlobalState))]
public class LossesTests
{
    private static Tensor Draw(long seed, params long[] shape)
    {
        using var generator = new Generator((ulong)seed);
        return rand(shape, generator: generator);
    }

    /// <summary>Probabilities from the sigmoid of wide logits, so that some are 0 or 1 in float32, and some exact 0s and 1s.</summary>
    private static Tensor Logits(long seed, ScalarType dtype)
    {
        using var generator = new Generator((ulong)seed);
        var logits = (randn([64, 784], generator: generator) * 12).to(dtype);
        logits[0, ..4] = tensor(new[] { -200.0, 200.0, -30.0, 30.0 }, dtype: dtype);
        return logits.requires_grad_(true);
    }

    private static (double Loss, Tensor Gradient) LossAndGradient(Tensor logits, Tensor target, bool ours)
    {
        logits.grad = null;
        var probabilities = logits.sigmoid();
        using var loss = ours ? Losses.BinaryCrossEntropy(probabilities, target) : functional.binary_cross_entropy(probabilities, target);
        loss.backward();
        var gradient = logits.grad!.detach().clone();
        logits.grad = null;
        return (loss.to(ScalarType.Float64).item<double>(), gradient);
    }

    [Theory]
    [InlineData(ScalarType.Float32, false)]
    [InlineData(ScalarType.Float32, true)]
    [InlineData(ScalarType.Float64, false)]
    public void The_loss_and_its_gradient_are_libtorchs(ScalarType dtype, bool binaryTarget)
    {
        using var scope = NewDisposeScope();
        var logits = Logits(5, dtype);
        var target = Draw(6, 64, 784).to(dtype);
        if (binaryTarget) target = target.gt(0.5).to(dtype);
        var (expectedLoss, expectedGradient) = LossAndGradient(logits, target, ours: false);
        var (loss, gradient) = LossAndGradient(logits, target, ours: true);

        var tolerance = dtype == ScalarType.Float32 ? 1e-6 : 1e-12;
        Assert.True(Math.Abs(loss - expectedLoss) <= tolerance * expectedLoss, $"loss {loss:R} against libtorch's {expectedLoss:R}");
        // The saturated logits clamp a logarithm at -100, as libtorch's do: the loss is finite and large.
        Assert.True(expectedLoss > 1 && double.IsFinite(expectedLoss));
        var largest = expectedGradient.abs().max().to(ScalarType.Float64).item<double>();
        var difference = (gradient - expectedGradient).abs().max().to(ScalarType.Float64).item<double>();
        Assert.True(difference <= 10 * tolerance * largest, $"gradients differ by {difference:G3} (largest {largest:G3})");
    }

    [Fact]
    public void Without_a_graph_it_gives_the_same_number()
    {
        using var scope = NewDisposeScope();
        var probabilities = Draw(7, 32, 1, 28, 28);
        var target = Draw(8, 32, 1, 28, 28);
        using (no_grad())
        {
            var ours = Losses.BinaryCrossEntropy(probabilities, target);
            Assert.False(ours.requires_grad);
            Assert.Equal(functional.binary_cross_entropy(probabilities, target).item<float>(), ours.item<float>(), 1e-6f);
        }
    }

    [Fact]
    public void A_model_trained_with_it_keeps_the_weights_of_one_trained_with_libtorchs()
    {
        using var scope = NewDisposeScope();
        Sequential Model()
        {
            var model = Sequential(Linear(20, 16), ReLU(), Linear(16, 30), Sigmoid());
            using (no_grad())
                foreach (var (i, parameter) in model.parameters().Select((p, i) => (i, p)))
                    parameter.copy_(Draw(100 + i, parameter.shape).sub_(0.5));
            return model;
        }
        var (reference, ours) = (Model(), Model());
        var (plain, fused) = (optim.SGD(reference.parameters(), 0.5), optim.SGD(ours.parameters(), 0.5));
        for (var step = 0; step < 20; step++)
        {
            using var stepScope = NewDisposeScope();
            var x = Draw(200 + step, 16, 20);
            var y = Draw(300 + step, 16, 30);
            plain.zero_grad();
            functional.binary_cross_entropy(reference.call(x), y).backward();
            plain.step();
            fused.zero_grad();
            Losses.BinaryCrossEntropy(ours.call(x), y).backward();
            fused.step();
        }
        foreach (var ((name, expected), actual) in reference.named_parameters().Zip(ours.parameters()))
        {
            var difference = (expected - actual).abs().max().item<float>();
            Assert.True(difference <= 1e-5, $"{name} differs by {difference:G3} after 20 steps");
        }
        var moved = (reference.parameters().First() - Model().parameters().First()).abs().max().item<float>();
        Assert.True(moved > 1e-2, "the steps changed the weights");
    }

    [Fact]
    public void Bad_input_is_refused_with_the_shapes_or_the_range_found()
    {
        using var scope = NewDisposeScope();
        var probabilities = Draw(9, 4, 784).requires_grad_(true);
        var shapes = Assert.Throws<ArgumentException>(() => Losses.BinaryCrossEntropy(probabilities, Draw(10, 4, 1, 28, 28)));
        Assert.Contains("[4, 1, 28, 28]", shapes.Message);
        Assert.Contains("[4, 784]", shapes.Message);

        using (no_grad()) probabilities[1, 3] = 1.5f;
        var range = Assert.Throws<ArgumentException>(() => Losses.BinaryCrossEntropy(probabilities, Draw(11, 4, 784)));
        Assert.Contains("from 0 to 1", range.Message);
        Assert.Contains("to 1.5", range.Message);

        using (no_grad()) probabilities[1, 3] = float.NaN;
        var nan = Assert.Throws<ArgumentException>(() => Losses.BinaryCrossEntropy(probabilities, Draw(12, 4, 784)));
        Assert.Contains("1 NaN", nan.Message);
    }

    [Fact]
    public void Training_steps_leave_no_tensor_behind()
    {
        using var model = Sequential(Linear(784, 32), ReLU(), Linear(32, 784), Sigmoid());
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var x = Draw(13, 8, 784);
        void Step()
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            Losses.BinaryCrossEntropy(model.call(x), x).backward();
            optimizer.step();
        }
        Step();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = Tensor.TotalCount;
        for (var step = 0; step < 50; step++) Step();
        Assert.Equal(before, Tensor.TotalCount);
    }
}
