using static TorchSharp.torch.nn;

namespace Binding.Tests;

/// <summary>
/// conv_transpose2d computes on the CPU through ordinary convolution kernels where that is faster
/// (binding/native/conv_transpose.cpp). That path must agree with libtorch's own transposed convolution
/// in values and in every gradient, so speed never changes results.
/// </summary>
public class ConvTransposeTests
{
    public record Geometry(long In, long Out, long Groups, long Kernel, long[] Stride, long[] Padding, long[] OutputPadding,
                           long[] Dilation, long Height, long Width, long Batch = 2)
    {
        // Stride, padding, output padding and dilation hold one value for both sides or (height, width).
        public long[] OutputShape() =>
            [Batch, Out, Side(Height, 0), Side(Width, 1)];

        private long Side(long size, int axis)
        {
            static long At(long[] values, int axis) => values[Math.Min(axis, values.Length - 1)];
            return (size - 1) * At(Stride, axis) - 2 * At(Padding, axis) + At(Dilation, axis) * (Kernel - 1)
                   + At(OutputPadding, axis) + 1;
        }
    }

    public static TheoryData<string, Geometry> Geometries => new()
    {
        // The decoders of chapters 03 and 04.
        { "03 A 64->64 k3", new(64, 64, 1, 3, [1], [0], [0], [1], 5, 5) },
        { "03 B 64->32 k3 s2", new(64, 32, 1, 3, [2], [1], [1], [1], 7, 7) },
        { "04 latent->64 k7", new(2, 64, 1, 7, [1], [0], [0], [1], 1, 1) },
        { "04 32->32 k5 s2", new(32, 32, 1, 5, [2], [2], [1], [1], 7, 7) },
        // Everything else the layer accepts.
        { "groups", new(6, 4, 2, 3, [2], [1], [1], [1], 4, 5) },
        { "dilation", new(3, 5, 1, 3, [1], [2], [0], [2], 6, 4) },
        { "asymmetric", new(4, 3, 1, 4, [3, 2], [1, 0], [2, 1], [1, 2], 4, 3, Batch: 3) },
        { "one output channel", new(8, 1, 1, 5, [1], [0], [0], [1], 6, 6) },
    };

    [Theory]
    [MemberData(nameof(Geometries))]
    public void ViaConvolutionEqualsLibtorchInValuesAndGradients(string name, Geometry g)
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var x = randn(g.Batch, g.In, g.Height, g.Width);
        var weight = randn(g.In, g.Out / g.Groups, g.Kernel, g.Kernel) * 0.2;
        var bias = randn(g.Out);

        // Drawn once for both paths: other test classes draw from the global generator in parallel.
        var upstream = randn(g.OutputShape());
        var (reference, referenceGrads) = Run(false, g, x, weight, bias, upstream);
        var (fast, fastGrads) = Run(true, g, x, weight, bias, upstream);

        Assert.Equal(g.OutputShape(), reference.shape);
        Assert.Equal(reference.shape, fast.shape);
        AssertClose(name + ": output", reference, fast);
        foreach (var (label, expected, actual) in new[] { "input", "weight", "bias" }.Zip(referenceGrads, fastGrads))
            AssertClose($"{name}: gradient of {label}", expected, actual);
    }

    [Fact]
    public void ViaConvolutionAgreesWithFiniteDifferences() =>
        GradCheck.Check(a => functional.conv_transpose2d_path(true, a[0], a[1], a[2], stride: [2, 1], padding: [1, 0],
                                                              output_padding: [1, 0], dilation: [1, 2]),
                        randn(2, 2, 4, 3), randn(2, 3, 3, 2), randn(3));

    [Theory]
    [MemberData(nameof(Geometries))]
    public void TheLayerGivesTheReferenceResult(string name, Geometry g)
    {
        using var scope = NewDisposeScope();
        using var layer = nn.ConvTranspose2d(g.In, g.Out, g.Kernel, stride: g.Stride[0], padding: g.Padding[0],
                                             output_padding: g.OutputPadding[0], dilation: g.Dilation[0], groups: g.Groups);
        var x = randn(g.Batch, g.In, g.Height, g.Width);
        var expected = functional.conv_transpose2d_path(false, x, layer.weight!, layer.bias, [g.Stride[0]], [g.Padding[0]],
                                                        [g.OutputPadding[0]], g.Groups, [g.Dilation[0]]);
        AssertClose(name, expected, layer.forward(x));
    }

    [Fact]
    public void ViaConvolutionNamesTheShapesItCannotTake()
    {
        using var scope = NewDisposeScope();
        var error = Assert.Throws<TorchException>(() =>
            functional.conv_transpose2d_path(true, randn(1, 3, 4, 4), randn(2, 5, 3, 3)));
        Assert.Contains("[1, 3, 4, 4]", error.Message);
        Assert.Contains("[2, 5, 3, 3]", error.Message);
    }

    private static (Tensor Output, Tensor[] Grads) Run(bool viaConvolution, Geometry g, Tensor x, Tensor weight, Tensor bias,
                                                       Tensor upstream)
    {
        var leaves = new[] { x, weight, bias }.Select(t => t.detach().clone().requires_grad_()).ToArray();
        var output = functional.conv_transpose2d_path(viaConvolution, leaves[0], leaves[1], leaves[2], g.Stride, g.Padding,
                                                      g.OutputPadding, g.Groups, g.Dilation);
        (output * upstream).sum().backward();
        return (output.detach(), leaves.Select(leaf => leaf.grad!).ToArray());
    }

    // float32 sums in a different order: compare relative to the size of the values.
    private static void AssertClose(string what, Tensor expected, Tensor actual)
    {
        var scale = expected.abs().max().ToDouble();
        var difference = (expected - actual).abs().max().ToDouble();
        Assert.True(difference <= 1e-5 * (1 + scale), $"{what}: largest difference {difference:G3} against values up to {scale:G3}");
    }
}
