namespace Binding.Tests;

/// <summary>
/// Compares autograd's gradients with float64 central finite differences. The function's output is reduced to a
/// scalar by a fixed random weighting, so every output element contributes its own gradient.
/// </summary>
internal static class GradCheck
{
    private const double Step = 1e-6;

    public static void Check(Func<Tensor[], Tensor> function, params Tensor[] inputs) =>
        Check(function, 1e-5, 1e-4, inputs);

    public static void Check(Func<Tensor[], Tensor> function, double atol, double rtol, params Tensor[] inputs)
    {
        using var scope = NewDisposeScope();
        var leaves = inputs.Select(x => x.to(float64).detach().requires_grad_()).ToArray();
        var output = function(leaves);
        var probe = randn_like(output.detach());
        (output * probe).sum().backward();

        for (var k = 0; k < leaves.Length; k++)
        {
            var analytic = leaves[k].grad!.ToArray<double>();
            var values = leaves[k].detach().ToArray<double>();
            for (var i = 0; i < values.Length; i++)
            {
                var original = values[i];
                values[i] = original + Step;
                var plus = Objective(function, leaves, k, values, probe);
                values[i] = original - Step;
                var minus = Objective(function, leaves, k, values, probe);
                values[i] = original;
                var numeric = (plus - minus) / (2 * Step);
                Assert.True(Math.Abs(numeric - analytic[i]) <= atol + rtol * Math.Abs(numeric),
                    $"input {k}, element {i}: autograd {analytic[i]:R}, finite differences {numeric:R}");
            }
        }
    }

    private static double Objective(Func<Tensor[], Tensor> function, Tensor[] leaves, int k, double[] values, Tensor probe)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var args = (Tensor[])leaves.Clone();
        args[k] = tensor(values, leaves[k].shape, float64);
        return (function(args) * probe).sum().ToDouble();
    }
}
