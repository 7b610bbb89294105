using Reduction = TorchSharp.torch.nn.Reduction;

namespace Binding.Tests;

/// <summary>
/// Binary cross-entropy of float32 CPU probabilities runs as one native loop with vectorised logarithms
/// (binding/native/loss.cpp). It must agree with libtorch's own loss in value and gradient, clamps included.
/// </summary>
public class BinaryCrossEntropyTests
{
    public static TheoryData<string, long, long, Reduction> Cases => new()
    {
        { "Fashion VAE batch, mean", 128, 784, Reduction.Mean },
        { "dense VAE batch, sum", 100, 784, Reduction.Sum },
        { "shorter than a vector", 1, 7, Reduction.Mean },
        { "whole vectors and a tail", 3, 37, Reduction.Sum },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FusedLossEqualsLibtorchsInValueAndGradient(string name, long rows, long columns, Reduction reduction)
    {
        using var scope = NewDisposeScope();
        var (input, target) = Probabilities(rows, columns);

        var (expected, expectedGrad) = Run(false, input, target, reduction);
        var (actual, actualGrad) = Run(true, input, target, reduction);

        Assert.Empty(actual.shape);
        AssertClose(name + ": loss", expected, actual);
        AssertClose(name + ": gradient", expectedGrad, actualGrad);
    }

    [Fact]
    public void ProbabilitiesOfZeroAndOneGiveTheClampedLogs()
    {
        using var scope = NewDisposeScope();
        var input = tensor(new float[] { 0, 1, 0, 1, 0.5f });
        var target = tensor(new float[] { 1, 0, 0, 1, 1 });

        // log 0 is clamped at -100: the two wrong certainties cost 100 each, the right ones nothing.
        var loss = nn.functional.binary_cross_entropy_path(true, input, target, Reduction.Sum);

        Assert.Equal(200 + Math.Log(2), loss.ToDouble(), 4);
        AssertClose("clamped", nn.functional.binary_cross_entropy_path(false, input, target, Reduction.Sum), loss);
    }

    [Theory]
    [InlineData(1.5f)]
    [InlineData(-0.25f)]
    [InlineData(float.NaN)]
    public void ProbabilitiesOutsideTheUnitIntervalAreRejectedAsLibtorchRejectsThem(float bad)
    {
        using var scope = NewDisposeScope();
        var (input, target) = Probabilities(4, 40);
        input[2, 33] = tensor(bad);

        var fused = Assert.Throws<TorchException>(() => nn.functional.binary_cross_entropy(input, target));
        var reference = Assert.Throws<TorchException>(() => nn.functional.binary_cross_entropy_path(false, input, target));

        Assert.Contains("between 0 and 1", fused.Message);
        Assert.Contains("between 0 and 1", reference.Message);
    }

    [Fact]
    public void OtherCasesKeepLibtorchsLoss()
    {
        using var scope = NewDisposeScope();
        var (input, target) = Probabilities(6, 20);
        var weight = rand(20);

        // Element-wise losses, weights, float64 and a target with a gradient all go to libtorch.
        Assert.Equal([6L, 20], nn.functional.binary_cross_entropy(input, target, reduction: Reduction.None).shape);
        AssertClose("weighted", (weight * nn.functional.binary_cross_entropy(input, target, reduction: Reduction.None)).mean(),
                    nn.functional.binary_cross_entropy(input, target, weight));
        Assert.Equal(ScalarType.Float64, nn.functional.binary_cross_entropy(input.to(float64), target.to(float64)).dtype);
        var learnedTarget = target.detach().clone().requires_grad_();
        nn.functional.binary_cross_entropy(input, learnedTarget).backward();
        Assert.NotNull(learnedTarget.grad);

        var error = Assert.Throws<TorchException>(() => nn.functional.binary_cross_entropy_path(true, input, target, Reduction.None));
        Assert.Contains("reduction mean or sum", error.Message);
    }

    [Fact]
    public void SecondDerivativesFlowThroughTheLoss()
    {
        using var scope = NewDisposeScope();
        var (input, target) = Probabilities(5, 9);

        Tensor Second(bool fused)
        {
            var x = input.detach().clone().requires_grad_();
            nn.functional.binary_cross_entropy_path(fused, x, target).backward(create_graph: true);
            var grad = x.grad!;
            x.grad = null;
            grad.square().sum().backward();
            return x.grad!;
        }

        AssertClose("second derivative", Second(false), Second(true));
    }

    /// <summary>Probabilities away from 0 and 1 (as a sigmoid gives them) and targets half binary, half grey.</summary>
    private static (Tensor Input, Tensor Target) Probabilities(long rows, long columns)
    {
        var input = rand(rows, columns) * 0.98 + 0.01;
        var target = rand(rows, columns);
        var binary = (rand(rows, columns) > 0.5).to(float32);
        return (input, where(rand(rows, columns) > 0.5, binary, target));
    }

    private static (Tensor Loss, Tensor Grad) Run(bool fused, Tensor input, Tensor target, Reduction reduction)
    {
        var x = input.detach().clone().requires_grad_();
        var loss = nn.functional.binary_cross_entropy_path(fused, x, target, reduction);
        (2.5 * loss).backward();
        return (loss.detach(), x.grad!);
    }

    private static void AssertClose(string what, Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.shape, actual.shape);
        var scale = expected.abs().max().ToDouble();
        var difference = (expected - actual).abs().max().ToDouble();
        Assert.True(difference <= 1e-5 * (1 + scale), $"{what}: largest difference {difference:G3} against values up to {scale:G3}");
    }
}
