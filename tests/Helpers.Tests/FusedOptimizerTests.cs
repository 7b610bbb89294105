using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Helpers.Tests;

/// <summary>
/// The helpers' fused Adam and RMSprop give TorchSharp's numbers: two copies of one model, one trained with
/// TorchSharp's optimizer and one with the fused one on the same batches, agree after every step to float32 rounding.
/// Runs alone (it counts live tensors and sets an environment variable).
/// </summary>
[Collection(nameof(GlobalState))]
public class FusedOptimizerTests
{
    // Adam's update divides by sqrt(v) + eps, so a weight moves by up to lr per step; float32 rounding of that
    // step and of the moving averages stays far below 1e-6 over these few steps.
    private const double Tolerance = 2e-6;

    // Other test classes run in parallel and draw from torch's global generator too, so each random tensor is
    // drawn from a generator of its own, and the second copy of a model is a copy of the first one's weights.
    private static Tensor Draw(long seed, ScalarType dtype, params long[] shape)
    {
        using var generator = new Generator((ulong)seed);
        return randn(shape, dtype: dtype, generator: generator);
    }

    /// <summary>A model whose parameter sizes are not multiples of any SIMD width (37, 5, 6 x 3 x 3 x 3 ...).</summary>
    private static Sequential Model(int seed, ScalarType dtype = ScalarType.Float32)
    {
        var model = Sequential(Conv2d(3, 6, 3), ReLU(), Flatten(), Linear(6 * 4 * 4, 37), Tanh(), Linear(37, 5)).to(dtype);
        using (no_grad())
            foreach (var (i, parameter) in model.parameters().Select((p, i) => (i, p)))
                parameter.copy_(Draw(seed * 100 + i, dtype, parameter.shape) * 0.3);
        return model;
    }

    private static void Train(Sequential model, optim.Optimizer optimizer, int step, ScalarType dtype = ScalarType.Float32)
    {
        using var scope = NewDisposeScope();
        var x = Draw(1000 + step, dtype, 8, 3, 6, 6);
        var y = Draw(2000 + step, dtype, 8, 5);
        optimizer.zero_grad();
        functional.mse_loss(model.call(x), y).backward();
        optimizer.step();
    }

    private static void AssertSameWeights(Sequential expected, Sequential actual, string when)
    {
        var pairs = expected.named_parameters().Zip(actual.parameters());
        foreach (var ((name, e), a) in pairs)
        {
            using var difference = (e - a).abs().max().to(ScalarType.Float64);
            var largest = difference.item<double>();
            Assert.True(largest <= Tolerance, $"{when}: {name} differs by {largest:G3}");
        }
    }

    private static void Compare(Func<Sequential, optim.Optimizer> plain, Func<Sequential, optim.Optimizer> fused, int steps = 6)
    {
        using var reference = Model(3);
        using var ours = Model(3);
        using var plainOptimizer = plain(reference);
        using var fusedOptimizer = fused(ours);
        for (var step = 0; step < steps; step++)
        {
            Train(reference, plainOptimizer, step);
            Train(ours, fusedOptimizer, step);
            AssertSameWeights(reference, ours, $"after step {step + 1}");
        }
        using var moved = (reference.parameters().First() - Model(3).parameters().First()).abs().max();
        Assert.True(moved.item<float>() > 1e-4, "the steps changed the weights");
    }

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(0.01, false)]
    [InlineData(0.0, true)]
    public void Adam_matches_TorchSharps_Adam_from_the_first_step(double weightDecay, bool maximize)
    {
        Compare(m => optim.Adam(m.parameters(), lr: 0.01, weight_decay: weightDecay, maximize: maximize),
                m => new FusedAdam(m.parameters(), lr: 0.01, weight_decay: weightDecay, maximize: maximize));
    }

    [Fact]
    public void Adam_with_other_betas_and_eps_matches()
    {
        Compare(m => optim.Adam(m.parameters(), lr: 0.003, beta1: 0.5, beta2: 0.9, eps: 1e-4),
                m => new FusedAdam(m.parameters(), lr: 0.003, beta1: 0.5, beta2: 0.9, eps: 1e-4));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    public void RMSprop_with_Keras_defaults_matches_TorchSharps_RMSprop(double weightDecay)
    {
        // Chapter 04a's settings: learning rate 0.001, rho 0.9, Keras' epsilon 1e-7.
        Compare(m => optim.RMSProp(m.parameters(), lr: 0.001, alpha: 0.9, eps: 1e-7, weight_decay: weightDecay),
                m => new FusedRMSProp(m.parameters(), lr: 0.001, alpha: 0.9, eps: 1e-7, weight_decay: weightDecay));
    }

    [Fact]
    public void A_step_split_between_threads_gives_the_same_weights()
    {
        // 784 x 300 + 300 weights, above the size from which a step is split into pieces shared by threads.
        var previous = Environment.GetEnvironmentVariable("HELPERS_FUSED_THREADS");
        Environment.SetEnvironmentVariable("HELPERS_FUSED_THREADS", "3");
        try
        {
            Assert.Equal(3, FusedStep.Threads);
            using var reference = Linear(784, 300);
            using var ours = Linear(784, 300);
            using (no_grad()) ours.load_state_dict(reference.state_dict());
            using var plain = optim.Adam(reference.parameters(), lr: 0.01, weight_decay: 0.001);
            using var fused = new FusedAdam(ours.parameters(), lr: 0.01, weight_decay: 0.001);
            for (var step = 0; step < 4; step++)
            {
                using var scope = NewDisposeScope();
                var x = Draw(step, ScalarType.Float32, 16, 784);
                foreach (var (model, optimizer) in new[] { (reference, (optim.Optimizer)plain), (ours, fused) })
                {
                    optimizer.zero_grad();
                    model.call(x).square().mean().backward();
                    optimizer.step();
                }
                using var difference = (reference.weight! - ours.weight!).abs().max();
                Assert.True(difference.item<float>() <= Tolerance, $"after step {step + 1}: {difference.item<float>():G3}");
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("HELPERS_FUSED_THREADS", previous);
        }
    }

    [Fact]
    public void Every_step_of_a_float32_CPU_model_runs_fused()
    {
        using var model = Model(4);
        using var adam = new FusedAdam(model.parameters());
        for (var step = 0; step < 3; step++) Train(model, adam, step);
        Assert.Equal((3, 0), adam.Steps);
    }

    [Fact]
    public void Zero_grad_drops_the_gradients_and_zero_grad_false_zeroes_them_and_both_train_alike()
    {
        using var dropped = Model(6);
        using var zeroed = Model(6);
        using var dropping = new FusedRMSProp(dropped.parameters(), lr: 0.001, alpha: 0.9, eps: 1e-7);
        using var zeroing = new FusedAdam(zeroed.parameters());
        Train(dropped, dropping, 0);
        Train(zeroed, zeroing, 0);
        dropping.zero_grad();
        zeroing.zero_grad(set_to_none: false);
        Assert.All(dropped.parameters(), p => Assert.Null(p.grad));
        Assert.All(zeroed.parameters(), p =>
        {
            using var gradient = p.grad;
            Assert.NotNull(gradient);
            Assert.Equal(0f, gradient.abs().max().item<float>());
        });

        // From the same weights, Adam steps after dropped gradients and after zeroed ones give the same weights, bit
        // for bit: a fresh gradient handed over and the same gradient added to zeros are the same numbers.
        using var a = Model(7);
        using var b = Model(7);
        using var afterDropping = new FusedAdam(a.parameters());
        using var afterZeroing = new FusedAdam(b.parameters());
        for (var step = 0; step < 3; step++)
        {
            afterDropping.zero_grad();
            afterZeroing.zero_grad(set_to_none: false);
            using var scope = NewDisposeScope();
            var x = Draw(3000 + step, ScalarType.Float32, 8, 3, 6, 6);
            var y = Draw(4000 + step, ScalarType.Float32, 8, 5);
            functional.mse_loss(a.call(x), y).backward();
            functional.mse_loss(b.call(x), y).backward();
            afterDropping.step();
            afterZeroing.step();
        }
        foreach (var (p, q) in a.parameters().Zip(b.parameters()))
            Assert.True(p.allclose(q, rtol: 0, atol: 0), "the weights after dropped and after zeroed gradients differ");
        using var start = Model(7);
        using var moved = (a.parameters().First() - start.parameters().First()).abs().max();
        Assert.True(moved.item<float>() > 1e-4, "the steps changed the weights");
        Assert.Equal((3, 0), afterDropping.Steps);
    }

    [Fact]
    public void What_the_fused_update_does_not_do_takes_TorchSharps_step_and_gives_its_numbers()
    {
        Compare(m => optim.Adam(m.parameters(), lr: 0.01, amsgrad: true),
                m => new FusedAdam(m.parameters(), lr: 0.01, amsgrad: true));
        Compare(m => optim.RMSProp(m.parameters(), lr: 0.01, momentum: 0.9),
                m => new FusedRMSProp(m.parameters(), lr: 0.01, momentum: 0.9));
        Compare(m => optim.RMSProp(m.parameters(), lr: 0.01, centered: true),
                m => new FusedRMSProp(m.parameters(), lr: 0.01, centered: true));

        using var amsgradModel = Model(5);
        using var amsgrad = new FusedAdam(amsgradModel.parameters(), amsgrad: true);
        Train(amsgradModel, amsgrad, 0);
        Assert.Equal((0, 1), amsgrad.Steps);

        // float64 parameters are not float32 memory: TorchSharp's step, same results.
        using var doubles = Model(6, ScalarType.Float64);
        using var reference = Model(6, ScalarType.Float64);
        using var fused = new FusedAdam(doubles.parameters(), lr: 0.01);
        using var plain = optim.Adam(reference.parameters(), lr: 0.01);
        Train(doubles, fused, 0, ScalarType.Float64);
        Train(reference, plain, 0, ScalarType.Float64);
        Assert.Equal((0, 1), fused.Steps);
        AssertSameWeights(reference, doubles, "float64");
    }

    [Fact]
    public void A_fused_state_continues_in_TorchSharps_Adam_and_back()
    {
        using var reference = Model(8);
        using var ours = Model(8);
        using var plain = optim.Adam(reference.parameters(), lr: 0.01);
        using var fused = new FusedAdam(ours.parameters(), lr: 0.01);
        for (var step = 0; step < 3; step++)
        {
            Train(reference, plain, step);
            Train(ours, fused, step);
        }
        // Swap the two optimizers' states (TorchSharp's state dictionaries), then go on. A state *file* names the
        // optimizer's type, so a file written by FusedAdam loads into FusedAdam only.
        using var plainAgain = optim.Adam(reference.parameters(), lr: 0.01);
        using var fusedAgain = new FusedAdam(ours.parameters(), lr: 0.01);
        plainAgain.load_state_dict(fused.state_dict());
        fusedAgain.load_state_dict(plain.state_dict());
        for (var step = 3; step < 6; step++)
        {
            Train(reference, plainAgain, step);
            Train(ours, fusedAgain, step);
            AssertSameWeights(reference, ours, $"after step {step + 1}, resumed");
        }
    }

    [Fact]
    public void A_step_leaves_no_tensor_behind()
    {
        using var model = Model(9);
        using var adam = new FusedAdam(model.parameters());
        Train(model, adam, 0);
        // Tensors other tests dropped without disposing them are finalized when the collector runs: let that
        // happen before counting, so that only this test's tensors are counted.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = Tensor.TotalCount;
        for (var step = 1; step < 5; step++) Train(model, adam, step);
        Assert.Equal(before, Tensor.TotalCount);
    }
}
