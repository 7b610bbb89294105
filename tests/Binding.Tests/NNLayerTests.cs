using static TorchSharp.torch.nn;

namespace Binding.Tests;

/// <summary>Layer output shapes follow PyTorch's formulas, values match direct loops, and initialisation matches PyTorch's bounds.</summary>
public class NNLayerTests
{
    // https://pytorch.org/docs/1.13/generated/torch.nn.Conv2d.html (shape section)
    private static long ConvOut(long size, long k, long s, long p, long d) => (size + 2 * p - d * (k - 1) - 1) / s + 1;

    [Theory]
    [InlineData(28, 5, 1, 0, 1)]
    [InlineData(28, 3, 2, 1, 1)]
    [InlineData(13, 3, 2, 0, 2)]
    [InlineData(7, 7, 1, 0, 1)]
    public void Conv2dShapeFollowsPyTorch(long size, long k, long s, long p, long d)
    {
        using var scope = NewDisposeScope();
        using var conv = nn.Conv2d(2, 4, k, stride: s, padding: p, dilation: d);
        var expected = ConvOut(size, k, s, p, d);
        Assert.Equal(new[] { 3L, 4, expected, expected }, conv.forward(randn(3, 2, size, size)).shape);
    }

    [Theory]
    [InlineData(28, 3, 1)]
    [InlineData(28, 3, 2)]
    [InlineData(7, 5, 2)]
    [InlineData(9, 4, 3)]
    public void Conv2dSamePaddingGivesCeilOfInputOverStride(long size, long k, long s)
    {
        using var scope = NewDisposeScope();
        using var conv = nn.Conv2d(1, 2, k, Padding.Same, stride: s);
        var expected = (size + s - 1) / s;
        Assert.Equal(new[] { 1L, 2, expected, expected + 1 }, conv.forward(randn(1, 1, size, size + s)).shape);
    }

    [Fact]
    public void Conv2dValidPaddingPadsNothing()
    {
        using var scope = NewDisposeScope();
        using var conv = nn.Conv2d(1, 1, 5, Padding.Valid);
        Assert.Equal(new[] { 1L, 1, 24, 24 }, conv.forward(randn(1, 1, 28, 28)).shape);
    }

    [Theory]
    [InlineData(3, 3, 2, 0, 0)]
    [InlineData(7, 3, 2, 1, 1)]
    [InlineData(14, 3, 2, 1, 1)]
    [InlineData(1, 7, 1, 0, 0)]
    [InlineData(7, 5, 2, 2, 1)]
    public void ConvTranspose2dShapeFollowsPyTorch(long size, long k, long s, long p, long op)
    {
        using var scope = NewDisposeScope();
        using var deconv = nn.ConvTranspose2d(3, 2, k, stride: s, padding: p, output_padding: op);
        var expected = (size - 1) * s - 2 * p + (k - 1) + op + 1;
        Assert.Equal(new[] { 2L, 2, expected, expected }, deconv.forward(randn(2, 3, size, size)).shape);
    }

    [Theory]
    [InlineData(28, 2, null, 0, false)]
    [InlineData(7, 2, null, 0, false)]
    [InlineData(7, 2, null, 0, true)]
    [InlineData(10, 3, 2L, 1, false)]
    [InlineData(10, 3, 2L, 1, true)]
    public void MaxPool2dShapeFollowsPyTorch(long size, long k, long? s, long p, bool ceil)
    {
        using var scope = NewDisposeScope();
        using var pool = nn.MaxPool2d(k, stride: s, padding: p, ceil_mode: ceil);
        var stride = s ?? k;
        var span = size + 2 * p - (k - 1) - 1;
        var expected = (ceil ? (span + stride - 1) / stride : span / stride) + 1;
        // PyTorch drops a last window that would start in the right padding.
        if (ceil && (expected - 1) * stride >= size + p) expected--;
        Assert.Equal(new[] { 1L, 3, expected, expected }, pool.forward(randn(1, 3, size, size)).shape);
    }

    [Fact]
    public void UpsampleAndFlattenShapes()
    {
        using var scope = NewDisposeScope();
        var x = randn(2, 3, 4, 5);
        Assert.Equal(new[] { 2L, 3, 8, 10 }, nn.Upsample(scale_factor: [2]).forward(x).shape);
        Assert.Equal(new[] { 2L, 3, 7, 9 }, nn.Upsample(size: [7, 9], mode: UpsampleMode.Bilinear).forward(x).shape);
        Assert.Equal(new[] { 2L, 60 }, nn.Flatten().forward(x).shape);
        Assert.Equal(new[] { 2L, 3, 2, 10 }, nn.Unflatten(1, [3, 2, 10]).forward(nn.Flatten().forward(x)).shape);
    }

    [Fact]
    public void Conv2dMatchesDirectLoop()
    {
        using var scope = NewDisposeScope();
        var (c, o, h, w, k, s, p) = (2, 3, 6, 5, 3, 2, 1);
        var x = randn([1, c, h, w], float64);
        var weight = randn([o, c, k, k], float64);
        var bias = randn([o], float64);
        var actual = functional.conv2d(x, weight, bias, [s], [p]);

        var (X, W, B) = (x.ToArray<double>(), weight.ToArray<double>(), bias.ToArray<double>());
        var (oh, ow) = ((h + 2 * p - k) / s + 1, (w + 2 * p - k) / s + 1);
        var expected = new double[o * oh * ow];
        for (var m = 0; m < o; m++)
            for (var y = 0; y < oh; y++)
                for (var z = 0; z < ow; z++)
                {
                    var sum = B[m];
                    for (var ch = 0; ch < c; ch++)
                        for (var i = 0; i < k; i++)
                            for (var j = 0; j < k; j++)
                            {
                                var (iy, ix) = (y * s - p + i, z * s - p + j);
                                if (iy >= 0 && iy < h && ix >= 0 && ix < w)
                                    sum += X[(ch * h + iy) * w + ix] * W[((m * c + ch) * k + i) * k + j];
                            }
                    expected[(m * oh + y) * ow + z] = sum;
                }
        Assert.Equal(new long[] { 1, o, oh, ow }, actual.shape);
        AssertClose(expected, actual.ToArray<double>());
    }

    [Fact]
    public void ConvTranspose2dMatchesDirectLoop()
    {
        using var scope = NewDisposeScope();
        var (c, o, h, w, k, s, p, op) = (2, 3, 4, 3, 3, 2, 1, 1);
        var x = randn([1, c, h, w], float64);
        var weight = randn([c, o, k, k], float64);
        var bias = randn([o], float64);
        var actual = functional.conv_transpose2d(x, weight, bias, [s], [p], [op]);

        var (X, W, B) = (x.ToArray<double>(), weight.ToArray<double>(), bias.ToArray<double>());
        var (oh, ow) = ((h - 1) * s - 2 * p + k + op, (w - 1) * s - 2 * p + k + op);
        var expected = new double[o * oh * ow];
        for (var m = 0; m < o; m++)
            for (var i = 0; i < oh * ow; i++) expected[m * oh * ow + i] = B[m];
        // Every input pixel scatters its kernel-weighted value into the output.
        for (var ch = 0; ch < c; ch++)
            for (var iy = 0; iy < h; iy++)
                for (var ix = 0; ix < w; ix++)
                    for (var m = 0; m < o; m++)
                        for (var i = 0; i < k; i++)
                            for (var j = 0; j < k; j++)
                            {
                                var (y, z) = (iy * s - p + i, ix * s - p + j);
                                if (y >= 0 && y < oh && z >= 0 && z < ow)
                                    expected[(m * oh + y) * ow + z] += X[(ch * h + iy) * w + ix] * W[((ch * o + m) * k + i) * k + j];
                            }
        Assert.Equal(new long[] { 1, o, oh, ow }, actual.shape);
        AssertClose(expected, actual.ToArray<double>());
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-10, $"element {i}: expected {expected[i]:R}, got {actual[i]:R}");
    }

    // A 3x3 image and the 5x5 image one pixel of padding makes of it in each mode (PyTorch's F.pad).
    private static readonly double[] Image = [1, 2, 3, 4, 5, 6, 7, 8, 9];

    public static TheoryData<PaddingModes, double[]> PaddedImages => new()
    {
        { PaddingModes.Zeros, [0, 0, 0, 0, 0, 0, 1, 2, 3, 0, 0, 4, 5, 6, 0, 0, 7, 8, 9, 0, 0, 0, 0, 0, 0] },
        { PaddingModes.Reflect, [5, 4, 5, 6, 5, 2, 1, 2, 3, 2, 5, 4, 5, 6, 5, 8, 7, 8, 9, 8, 5, 4, 5, 6, 5] },
        { PaddingModes.Replicate, [1, 1, 2, 3, 3, 1, 1, 2, 3, 3, 4, 4, 5, 6, 6, 7, 7, 8, 9, 9, 7, 7, 8, 9, 9] },
        { PaddingModes.Circular, [9, 7, 8, 9, 7, 3, 1, 2, 3, 1, 6, 4, 5, 6, 4, 9, 7, 8, 9, 7, 3, 1, 2, 3, 1] },
    };

    [Theory]
    [MemberData(nameof(PaddedImages))]
    public void Conv2dPaddingModesFillTheBorderAsPyTorchDoes(PaddingModes mode, double[] padded)
    {
        using var scope = NewDisposeScope();
        var x = tensor(Image, [1, 1, 3, 3]);
        Assert.Equal(padded, functional.pad(x, [1, 1, 1, 1], mode).ToArray<double>());
        // With a kernel of ones, each output pixel sums a 3x3 window of the padded image.
        var sums = new double[9];
        for (var i = 0; i < 9; i++)
            for (var a = 0; a < 3; a++)
                for (var b = 0; b < 3; b++)
                    sums[i] += padded[(i / 3 + a) * 5 + i % 3 + b];
        foreach (var conv in new[] { nn.Conv2d(1, 1, 3, padding: 1, padding_mode: mode, bias: false, dtype: float64),
                                     nn.Conv2d(1, 1, 3, Padding.Same, padding_mode: mode, bias: false, dtype: float64) })
        {
            using (no_grad()) conv.weight.fill_(1);
            Assert.Equal(mode, conv.padding_mode);
            AssertClose(sums, conv.forward(x).ToArray<double>());
            conv.Dispose();
        }
    }

    [Fact]
    public void Conv2dSamePaddingWithAModePutsTheOddPixelAtTheEnd()
    {
        using var scope = NewDisposeScope();
        var x = randn(1, 1, 5, 6, float64);
        using var conv = nn.Conv2d(1, 2, 4, Padding.Same, padding_mode: PaddingModes.Replicate, dtype: float64);
        var expected = functional.conv2d(functional.pad(x, [1, 2, 1, 2], PaddingModes.Replicate), conv.weight, conv.bias);
        var actual = conv.forward(x);
        Assert.Equal(new[] { 1L, 2, 5, 6 }, actual.shape);
        AssertClose(expected.ToArray<double>(), actual.ToArray<double>());
    }

    [Fact]
    public void UnsupportedPaddingModesAreRejectedByName()
    {
        Assert.Equal("padding_mode", Assert.Throws<ArgumentException>(() => nn.ConvTranspose2d(1, 1, 3, padding_mode: PaddingModes.Reflect)).ParamName);
        Assert.Equal("padding_mode", Assert.Throws<ArgumentException>(() => nn.Conv2d(1, 1, 3, padding_mode: PaddingModes.Constant)).ParamName);
        using var scope = NewDisposeScope();
        Assert.Equal([7, 1, 2, 3, 7, 7], functional.pad(tensor(new double[] { 1, 2, 3 }), [1, 2], PaddingModes.Constant, 7).ToArray<double>());
        // Reflection needs more input than padding; libtorch says so.
        var e = Assert.Throws<TorchException>(() => functional.pad(tensor(new double[] { 1, 2 }, [1, 1, 2]), [2, 2], PaddingModes.Reflect));
        Assert.Contains("Padding size should be less than", e.Message);
    }

    [Theory]
    [InlineData("ReLU")]
    [InlineData("SELU")]
    [InlineData("LeakyReLU")]
    public void InplaceActivationsOverwriteTheirInputAndReturnAFreshHandle(string name)
    {
        using var scope = NewDisposeScope();
        using Module<Tensor, Tensor> plain = name switch { "ReLU" => nn.ReLU(), "SELU" => nn.SELU(), _ => nn.LeakyReLU(0.2) };
        using Module<Tensor, Tensor> inplace = name switch
        {
            "ReLU" => nn.ReLU(inplace: true),
            "SELU" => nn.SELU(inplace: true),
            _ => nn.LeakyReLU(0.2, inplace: true),
        };
        var x = tensor(new double[] { -2, -0.5, 0, 1.5 });
        var expected = plain.call(x).ToArray<double>();
        Assert.Equal([-2, -0.5, 0, 1.5], x.ToArray<double>());
        var result = inplace.call(x);
        Assert.NotSame(x, result);
        AssertClose(expected, result.ToArray<double>());
        // The result is a handle of its own: disposing it leaves the overwritten input usable.
        result.Dispose();
        AssertClose(expected, x.ToArray<double>());
    }

    [Fact]
    public void FunctionalActivationsTakeInplaceAndTrainInASequential()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { -1, 2 });
        functional.relu(x, inplace: true);
        Assert.Equal([0, 2], x.ToArray<double>());
        var y = tensor(new double[] { -1, 2 });
        functional.leaky_relu(y, 0.5, inplace: true);
        Assert.Equal([-0.5, 2], y.ToArray<double>());
        var z = tensor(new double[] { 0, 1 });
        functional.selu(z, true);
        AssertClose([0, 1.0507009873554805], z.ToArray<double>());
        using var model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(inplace: true), nn.Linear(4, 1), nn.LeakyReLU(inplace: true));
        model.forward(randn(5, 3)).sum().backward();
        Assert.All(model.parameters(), p => Assert.NotNull(p.grad));
    }

    public static TheoryData<string, long> DefaultInitLayers => new()
    {
        { "Linear(100, 50)", 100 },
        { "Conv2d(3, 8, 5)", 3 * 5 * 5 },
        // PyTorch takes fan_in of a transposed convolution from weight dimension 1: out_channels / groups * k * k.
        { "ConvTranspose2d(16, 6, 3)", 6 * 3 * 3 },
    };

    [Theory]
    [MemberData(nameof(DefaultInitLayers))]
    public void DefaultInitialisationStaysWithinPyTorchBounds(string layer, long fanIn)
    {
        using var scope = NewDisposeScope();
        using Module module = layer switch
        {
            "Linear(100, 50)" => nn.Linear(100, 50),
            "Conv2d(3, 8, 5)" => nn.Conv2d(3, 8, 5),
            _ => nn.ConvTranspose2d(16, 6, 3),
        };
        var bound = 1 / Math.Sqrt(fanIn);
        foreach (var (name, p) in module.named_parameters())
        {
            var largest = p.abs().max().ToDouble();
            Assert.True(largest <= bound, $"{layer}.{name}: |value| reaches {largest}, bound {bound}");
            // Enough samples fill the range: a larger fan would shrink it, a smaller one would break the bound above.
            if (p.numel() >= 100) Assert.True(largest > 0.9 * bound, $"{layer}.{name}: |value| only reaches {largest}, bound {bound}");
        }
    }

    [Fact]
    public void InitFunctionsFollowTheirFormulas()
    {
        using var scope = NewDisposeScope();
        var w = empty(200, 300);
        var bound = Math.Sqrt(6.0 / (200 + 300));
        Assert.Same(w, init.xavier_uniform_(w));
        Assert.InRange(w.abs().max().ToDouble(), 0.95 * bound, bound);
        init.kaiming_normal_(w, nonlinearity: init.NonlinearityType.ReLU);
        Assert.InRange(w.std().ToDouble(), 0.95 * Math.Sqrt(2.0 / 300), 1.05 * Math.Sqrt(2.0 / 300));
        init.constant_(w, 0.25);
        Assert.Equal(0.25, w.mean().ToDouble());
        Assert.Equal(5.0 / 3, init.calculate_gain(init.NonlinearityType.Tanh));
    }

    [Fact]
    public void DropoutOnlyActsInTrainingMode()
    {
        using var scope = NewDisposeScope();
        using var dropout = nn.Dropout(0.5);
        var x = ones(1000);
        var kept = dropout.forward(x);
        Assert.InRange(kept.eq(0).sum().ToInt64(), 400, 600);
        Assert.Equal(2.0, kept.max().ToDouble());
        dropout.eval();
        Assert.True(dropout.forward(x).equal(x));
    }
}
