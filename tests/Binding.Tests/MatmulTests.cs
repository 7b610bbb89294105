namespace Binding.Tests;

/// <summary>
/// Float32 CPU products of matrices go to oneDNN's sgemm (binding/native/matmul.cpp). They must agree
/// with libtorch's own product in values and in every gradient, whatever the layout of the operands.
/// </summary>
public class MatmulTests
{
    public static TheoryData<string, long, long, long> Shapes => new()
    {
        { "dense VAE layer", 100, 784, 512 },
        { "Fashion VAE latent", 128, 32, 10 },
        { "a row", 1, 5, 3 },
        { "a column", 6, 4, 1 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void OneDnnEqualsLibtorchInValuesAndGradients(string name, long m, long k, long n)
    {
        using var scope = NewDisposeScope();
        var (a, b) = (randn(m, k), randn(k, n));
        var upstream = randn(m, n);

        var (reference, referenceGrads) = Run(false, a, b, upstream);
        var (fast, fastGrads) = Run(true, a, b, upstream);

        Assert.Equal(new[] { m, n }, fast.shape);
        AssertClose(name + ": product", reference, fast);
        AssertClose(name + ": gradient of a", referenceGrads[0], fastGrads[0]);
        AssertClose(name + ": gradient of b", referenceGrads[1], fastGrads[1]);
    }

    [Fact]
    public void TransposedAndStridedOperandsGiveTheSameProduct()
    {
        using var scope = NewDisposeScope();
        var a = randn(7, 5).t();                  // [5, 7], column-major
        var bRows = randn(7, 12).narrow(1, 2, 6); // [7, 6], row stride 12
        var expanded = ones(1, 6).expand(7, 6);   // stride 0 between rows

        AssertClose("transposed a", a.matmul_path(false, bRows), a.matmul_path(true, bRows));
        AssertClose("expanded b", a.matmul_path(false, expanded), a.matmul_path(true, expanded));
        AssertClose("transposed b", bRows.t().matmul_path(false, a.t()), bRows.t().matmul_path(true, a.t()));
    }

    [Fact]
    public void LinearLayersOnBatchesOfAnyRankTakeTheFastPathAndAgree()
    {
        using var scope = NewDisposeScope();
        using var layer = nn.Linear(6, 4);
        var x = randn(2, 3, 6);

        var y = layer.forward(x);
        var expected = x.matmul_path(false, layer.weight!.t().unsqueeze(0)) + layer.bias!;

        Assert.Equal([2L, 3, 4], y.shape);
        AssertClose("3-D input", expected, y);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void LinearWithBiasEqualsLibtorchInValuesAndGradients(string name, long m, long k, long n)
    {
        using var scope = NewDisposeScope();
        var (x, w, b) = (randn(m, k), randn(n, k), randn(n));
        var upstream = randn(m, n);

        (Tensor, Tensor[]) Run(Func<Tensor, Tensor, Tensor, Tensor> linear)
        {
            var leaves = new[] { x, w, b }.Select(t => t.detach().clone().requires_grad_()).ToArray();
            var y = linear(leaves[0], leaves[1], leaves[2]);
            (y * upstream).sum().backward();
            return (y.detach(), leaves.Select(leaf => leaf.grad!).ToArray());
        }
        var (expected, expectedGrads) = Run((xs, ws, bs) => xs.matmul_path(false, ws.t()) + bs);
        var (actual, actualGrads) = Run((xs, ws, bs) => nn.functional.linear(xs, ws, bs));

        AssertClose(name + ": output", expected, actual);
        foreach (var (label, e, a) in new[] { "input", "weight", "bias" }.Zip(expectedGrads, actualGrads))
            AssertClose($"{name}: gradient of {label}", e, a);
    }

    [Fact]
    public void SecondDerivativesFlowThroughTheProduct()
    {
        using var scope = NewDisposeScope();
        var a = randn([3, 4], dtype: ScalarType.Float32).requires_grad_();
        var b = randn(4, 2);
        a.matmul(b).square().sum().backward(create_graph: true);
        var grad = a.grad!;
        a.grad = null;
        grad.sum().backward();
        var second = a.grad!;

        // d/da of sum(2 (a b) b^T) = 2 * ones(3,2) b^T broadcast: every row equals 2 * (b b^T).sum(0).
        var expected = (2 * b.matmul_path(false, b.t()).sum(0)).expand(3, 4);
        AssertClose("second derivative", expected, second);
    }

    [Fact]
    public void OtherTypesAndShapesKeepLibtorchsProduct()
    {
        using var scope = NewDisposeScope();
        var a = randn([3, 4], dtype: ScalarType.Float64);
        var b = randn([4, 2], dtype: ScalarType.Float64);
        Assert.Equal(ScalarType.Float64, a.matmul(b).dtype);
        Assert.Equal([5L, 3, 2], randn(5, 3, 4).matmul(randn(4, 2)).shape);

        var error = Assert.Throws<TorchException>(() => a.matmul_path(true, b));
        Assert.Contains("[3, 4]", error.Message);
        Assert.Contains("float32", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<TorchException>(() => randn(3, 4).matmul(randn(5, 2)));
    }

    private static (Tensor Product, Tensor[] Grads) Run(bool oneDnn, Tensor a, Tensor b, Tensor upstream)
    {
        var leaves = new[] { a, b }.Select(t => t.detach().clone().requires_grad_()).ToArray();
        var product = leaves[0].matmul_path(oneDnn, leaves[1]);
        (product * upstream).sum().backward();
        return (product.detach(), leaves.Select(leaf => leaf.grad!).ToArray());
    }

    // float32 sums in a different order: compare relative to the size of the values.
    private static void AssertClose(string what, Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.shape, actual.shape);
        var scale = expected.abs().max().ToDouble();
        var difference = (expected - actual).abs().max().ToDouble();
        Assert.True(difference <= 1e-4 * (1 + scale), $"{what}: largest difference {difference:G3} against values up to {scale:G3}");
    }
}
