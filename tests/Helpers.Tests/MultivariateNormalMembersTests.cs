using TorchSharp.Modules;

namespace Helpers.Tests;

public class MultivariateNormalMembersTests
{
    [Fact]
    public void The_scale_and_covariance_of_a_normal_made_from_its_scale_are_that_scale_and_its_square()
    {
        using var scope = NewDisposeScope();
        var scale = tensor(new double[] { 2, 0, 0, 0.5, 1, 0, 3, 0, 0.1, 1, 0, 0, -1, 2, 0, 0.5, 0.5, 4 }, [2, 3, 3], float64);
        var normal = distributions.MultivariateNormal(zeros(2, 3, dtype: float64), scale_tril: scale);

        var covariance = normal.covariance_matrix;

        Assert.Equal(scale.data<double>().ToArray(), normal.scale_tril.data<double>().ToArray());
        Assert.Equal(new long[] { 2, 3, 3 }, covariance.shape);
        // Σ = L Lᵀ for the first batch element, written out: rows (2,0,0), (0.5,1,0), (3,0,0.1)
        Assert.Equal(new[] { 4, 1, 6, 1, 1.25, 1.5, 6, 1.5, 9.01 },
            covariance[0].data<double>().ToArray().Select(value => Math.Round(value, 10)).ToArray());
    }

    [Fact]
    public void The_covariance_of_a_normal_made_from_a_covariance_is_that_covariance()
    {
        using var scope = NewDisposeScope();
        var given = tensor(new double[] { 4, 1.2, 1.2, 2 }, [2, 2], float64);

        var normal = distributions.MultivariateNormal(zeros(2, dtype: float64), covariance_matrix: given);

        Assert.True(normal.covariance_matrix.allclose(given, rtol: 1e-12, atol: 1e-12));
    }

    [Fact]
    public void The_covariance_carries_gradients_to_the_scale()
    {
        using var scope = NewDisposeScope();
        var scale = tensor(new double[] { 1, 0, 2, 4 }, [2, 2], float64, requires_grad: true);

        distributions.MultivariateNormal(zeros(2, dtype: float64), scale_tril: scale).covariance_matrix.sum().backward();

        // Σij (L Lᵀ)ij = Σk (column sum k of L)², so d/dLab = 2 × (column sum b): the columns sum to 3 and 4
        Assert.Equal(new double[] { 6, 8, 6, 8 }, scale.grad!.data<double>().ToArray());
    }
}
