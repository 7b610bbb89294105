namespace Helpers.Tests;

/// <summary>
/// Compares autograd's gradients with central finite differences in float64. The function's output is weighted
/// by fixed pseudo-random numbers and summed, so each output element contributes a gradient of its own.
/// </summary>
public static class FiniteDifferences
{
    private const double Step = 1e-6;

    public static void AssertGradientsMatch(Func<Tensor[], Tensor> function, params Tensor[] inputs)
    {
        using var scope = NewDisposeScope();
        var leaves = inputs.Select(x => x.to(float64).detach().requires_grad_()).ToArray();
        var output = function(leaves);
        var random = new Random(11);
        var weights = tensor(Enumerable.Range(0, (int)output.numel()).Select(_ => random.NextDouble() * 2 - 1).ToArray(),
                             output.shape, float64);
        (output * weights).sum().backward();

        for (var k = 0; k < leaves.Length; k++)
        {
            var analytic = leaves[k].grad!.data<double>().ToArray();
            var values = leaves[k].detach().data<double>().ToArray();
            for (var i = 0; i < values.Length; i++)
            {
                var original = values[i];
                values[i] = original + Step;
                var plus = Objective(function, leaves, k, values, weights);
                values[i] = original - Step;
                var minus = Objective(function, leaves, k, values, weights);
                values[i] = original;
                var numeric = (plus - minus) / (2 * Step);
                Assert.True(Math.Abs(numeric - analytic[i]) <= 1e-6 + 1e-5 * Math.Abs(numeric),
                            $"input {k}, element {i}: autograd {analytic[i]:R}, finite differences {numeric:R}");
            }
        }
    }

    private static double Objective(Func<Tensor[], Tensor> function, Tensor[] leaves, int k, double[] values, Tensor weights)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var arguments = (Tensor[])leaves.Clone();
        arguments[k] = tensor(values, leaves[k].shape, float64);
        return (function(arguments) * weights).sum().item<double>();
    }
}
