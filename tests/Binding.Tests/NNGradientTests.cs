using static TorchSharp.torch.nn;

namespace Binding.Tests;

/// <summary>Autograd through the functional ops and layers agrees with finite differences (float64).</summary>
public class NNGradientTests
{
    [Fact]
    public void Linear() =>
        GradCheck.Check(a => functional.linear(a[0], a[1], a[2]), randn(3, 4), randn(5, 4), randn(5));

    [Theory]
    [InlineData(1, 0, 1)]
    [InlineData(2, 1, 1)]
    [InlineData(1, 1, 2)]
    public void Conv2d(long stride, long padding, long dilation) =>
        GradCheck.Check(a => functional.conv2d(a[0], a[1], a[2], [stride], [padding], [dilation]),
                        randn(2, 2, 6, 5), randn(3, 2, 3, 3), randn(3));

    [Theory]
    [InlineData(Padding.Valid, 1)]
    [InlineData(Padding.Same, 1)]
    [InlineData(Padding.Same, 2)]
    public void Conv2dLayerWithNamedPadding(Padding padding, long stride)
    {
        using var conv = nn.Conv2d(2, 3, 4, padding, stride: stride).to(float64);
        // An even kernel needs uneven "same" padding, so this also covers the explicit pad before the convolution.
        GradCheck.Check(a => conv.forward(a[0]), randn(1, 2, 7, 6));
    }

    [Fact]
    public void ConvTranspose2d() =>
        GradCheck.Check(a => functional.conv_transpose2d(a[0], a[1], a[2], stride: [2], padding: [1], output_padding: [1]),
                        randn(1, 2, 4, 3), randn(2, 3, 3, 3), randn(3));

    [Fact]
    public void MaxPool2d() =>
        GradCheck.Check(a => functional.max_pool2d(a[0], [2], padding: [1]), randn(2, 2, 5, 5));

    [Theory]
    [InlineData(InterpolationMode.Nearest, null)]
    [InlineData(InterpolationMode.Bilinear, false)]
    [InlineData(InterpolationMode.Bilinear, true)]
    public void Upsample(InterpolationMode mode, bool? align_corners) =>
        GradCheck.Check(a => functional.interpolate(a[0], scale_factor: [2], mode: mode, align_corners: align_corners), randn(1, 2, 3, 4));

    public static TheoryData<string> Activations => new(ActivationFunctions.Keys);

    private static readonly Dictionary<string, Func<Tensor, Tensor>> ActivationFunctions = new()
    {
        ["relu"] = functional.relu,
        ["leaky_relu"] = x => functional.leaky_relu(x, 0.2),
        ["selu"] = functional.selu,
        ["elu"] = x => functional.elu(x, 0.7),
        ["gelu"] = functional.gelu,
        ["softplus"] = x => functional.softplus(x, 2.0),
        ["sigmoid"] = functional.sigmoid,
        ["tanh"] = functional.tanh,
        ["softmax"] = x => functional.softmax(x, 1),
        ["log_softmax"] = x => functional.log_softmax(x, 1),
    };

    [Theory]
    [MemberData(nameof(Activations))]
    public void Activation(string name) => GradCheck.Check(a => ActivationFunctions[name](a[0]), randn(4, 5));

    [Fact]
    public void BinaryCrossEntropy()
    {
        // libtorch 1.13 has no derivative for the weight, so it stays a constant.
        using var probabilities = rand(3, 4) * 0.9 + 0.05;
        using var weight = rand(3, 4).to(float64);
        GradCheck.Check(a => functional.binary_cross_entropy(a[0], a[1], weight, Reduction.Sum), probabilities, rand(3, 4));
    }

    [Fact]
    public void BinaryCrossEntropyWithLogits()
    {
        using var posWeights = (rand(4) + 0.5).to(float64);
        GradCheck.Check(a => functional.binary_cross_entropy_with_logits(a[0], a[1], pos_weights: posWeights), randn(3, 4), rand(3, 4));
    }

    [Fact]
    public void MseLoss() => GradCheck.Check(a => functional.mse_loss(a[0], a[1]), randn(3, 4), randn(3, 4));
}
