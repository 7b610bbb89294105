using TorchSharp.Modules;
using Optimizer = TorchSharp.torch.optim.Optimizer;

namespace Binding.Tests;

/// <summary>
/// Each optimizer's first two updates against PyTorch 1.13's update rules (torch/optim/*.py) written out
/// here in double arithmetic, one element at a time.
/// </summary>
public class OptimTests
{
    private static readonly double[] Start = [0.5, -1.5, 2.0];
    // The first gradient is large where the second is small (and the reverse), so running averages,
    // AMSGrad's maximum and momentum all change the second update.
    private static readonly double[][] Grads = [[10.0, -0.3, 0.02], [0.1, 0.4, -0.05]];

    /// <summary>Runs two steps with the given gradients and compares each result with the reference trajectory.</summary>
    private static void AssertTwoSteps(Func<IEnumerable<Parameter>, Optimizer> make, Func<double, double[], double[]> reference, bool float32) =>
        AssertTwoSteps(make, reference, float32, Start, Grads);

    private static void AssertTwoSteps(Func<IEnumerable<Parameter>, Optimizer> make, Func<double, double[], double[]> reference,
                                       bool float32, double[] start, double[][] grads)
    {
        using var scope = NewDisposeScope();
        var dtype = float32 ? ScalarType.Float32 : ScalarType.Float64;
        using var p = nn.Parameter(tensor(start, dtype: dtype));
        using var optimizer = make([p]);
        var expected = start.Select((p0, i) => reference(p0, grads.Select(g => g[i]).ToArray())).ToArray();
        for (var step = 0; step < grads.Length; step++)
        {
            p.grad = tensor(grads[step], dtype: dtype);
            Assert.Null(optimizer.step());
            TensorAssert.Close(expected.Select(trajectory => trajectory[step]).ToArray(), p, float32 ? 2e-6 : 1e-12);
        }
    }

    /// <summary>
    /// 100,003 parameters: the fused loops run in vector lanes over several threads' chunks with a scalar tail,
    /// and every element must still follow the closed form.
    /// </summary>
    [Theory]
    [InlineData("Adam", 0.0, false)]
    [InlineData("Adam", 0.1, true)]
    [InlineData("RMSProp", 0.0, false)]
    [InlineData("RMSProp", 0.1, true)]
    public void FusedStepsFollowTheClosedFormOnEveryElementOfALongParameter(string name, double weightDecay, bool maximize)
    {
        const int length = 100_003;
        var random = new Random(6);
        double Draw(double scale) => scale * (2 * random.NextDouble() - 1);
        var start = Enumerable.Range(0, length).Select(_ => (double)(float)Draw(2)).ToArray();
        // Gradients over six orders of magnitude, so that the square roots and quotients differ element to element.
        var grads = Enumerable.Range(0, 2)
            .Select(_ => Enumerable.Range(0, length).Select(_ => (double)(float)(Draw(1) * Math.Pow(10, Draw(3)))).ToArray())
            .ToArray();
        if (name == "Adam")
            AssertTwoSteps(ps => optim.Adam(ps, 0.1, 0.8, 0.5, 1e-3, weightDecay, false, maximize),
                           AdamReference(0.1, 0.8, 0.5, 1e-3, weightDecay, false, maximize), true, start, grads);
        else
            AssertTwoSteps(ps => optim.RMSProp(ps, 0.01, 0.9, 1e-4, weightDecay, 0, false, maximize),
                           RMSPropReference(0.01, 0.9, 1e-4, weightDecay, 0, false, maximize), true, start, grads);
    }

    private static double Direction(double g, double p, double weightDecay, bool maximize) =>
        (maximize ? -g : g) + weightDecay * p;

    [Theory]
    [InlineData(0.0, false, false, false)]
    [InlineData(0.0, false, false, true)]   // float32 takes the fused native loop
    [InlineData(0.1, false, false, true)]
    [InlineData(0.1, false, true, false)]
    [InlineData(0.0, true, false, false)]
    [InlineData(0.1, true, true, true)]
    public void AdamMatchesTheClosedForm(double weightDecay, bool amsgrad, bool maximize, bool float32)
    {
        const double lr = 0.1, beta1 = 0.8, beta2 = 0.5, eps = 1e-3;
        AssertTwoSteps(ps => optim.Adam(ps, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize),
                       AdamReference(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize), float32);
    }

    [Theory]
    [InlineData(0.0, 0.0, false, false, false)]
    [InlineData(0.0, 0.0, false, false, true)]   // float32 without momentum or centring takes the fused native loop
    [InlineData(0.1, 0.0, false, true, true)]
    [InlineData(0.0, 0.0, true, false, true)]
    [InlineData(0.0, 0.9, false, false, false)]
    [InlineData(0.1, 0.9, true, false, false)]
    [InlineData(0.1, 0.5, true, true, true)]
    public void RMSPropMatchesTheClosedForm(double weightDecay, double momentum, bool centered, bool maximize, bool float32)
    {
        const double lr = 0.01, alpha = 0.9, eps = 1e-4;
        AssertTwoSteps(ps => optim.RMSProp(ps, lr, alpha, eps, weightDecay, momentum, centered, maximize),
                       RMSPropReference(lr, alpha, eps, weightDecay, momentum, centered, maximize), float32);
    }

    private static Func<double, double[], double[]> AdamReference(double lr, double beta1, double beta2, double eps,
                                                                 double weightDecay, bool amsgrad, bool maximize)
    {
        return (p, grads) =>
        {
            double m = 0, v = 0, vMax = 0;
            var trajectory = new double[grads.Length];
            for (var t = 1; t <= grads.Length; t++)
            {
                var g = Direction(grads[t - 1], p, weightDecay, maximize);
                m = beta1 * m + (1 - beta1) * g;
                v = beta2 * v + (1 - beta2) * g * g;
                vMax = Math.Max(vMax, v);
                var denominator = Math.Sqrt(amsgrad ? vMax : v) / Math.Sqrt(1 - Math.Pow(beta2, t)) + eps;
                p -= lr / (1 - Math.Pow(beta1, t)) * m / denominator;
                trajectory[t - 1] = p;
            }
            return trajectory;
        };
    }

    private static Func<double, double[], double[]> RMSPropReference(double lr, double alpha, double eps, double weightDecay,
                                                                    double momentum, bool centered, bool maximize)
    {
        return (p, grads) =>
        {
            double square = 0, mean = 0, buffer = 0;
            var trajectory = new double[grads.Length];
            for (var t = 0; t < grads.Length; t++)
            {
                var g = Direction(grads[t], p, weightDecay, maximize);
                square = alpha * square + (1 - alpha) * g * g;
                mean = alpha * mean + (1 - alpha) * g;
                var avg = Math.Sqrt(centered ? square - mean * mean : square) + eps;
                buffer = momentum * buffer + g / avg;
                p -= lr * (momentum > 0 ? buffer : g / avg);
                trajectory[t] = p;
            }
            return trajectory;
        };
    }

    [Theory]
    [InlineData(0.0, 0.0, 0.0, false, false, false)]
    [InlineData(0.1, 0.0, 0.0, false, true, true)]
    [InlineData(0.0, 0.9, 0.0, false, false, false)]
    [InlineData(0.0, 0.9, 0.3, false, false, true)]
    [InlineData(0.1, 0.9, 0.0, true, false, false)]
    [InlineData(0.1, 0.5, 0.0, true, true, true)]
    public void SGDMatchesTheClosedForm(double weightDecay, double momentum, double dampening, bool nesterov, bool maximize, bool float32)
    {
        const double lr = 0.05;
        double[] Reference(double p, double[] grads)
        {
            double buffer = 0;
            var trajectory = new double[grads.Length];
            for (var t = 0; t < grads.Length; t++)
            {
                var g = Direction(grads[t], p, weightDecay, maximize);
                if (momentum != 0)
                {
                    // The buffer starts as a copy of the first gradient, not as an average with zero.
                    buffer = t == 0 ? g : momentum * buffer + (1 - dampening) * g;
                    g = nesterov ? g + momentum * buffer : buffer;
                }
                p -= lr * g;
                trajectory[t] = p;
            }
            return trajectory;
        }
        AssertTwoSteps(ps => optim.SGD(ps, lr, momentum, dampening, weightDecay, nesterov, maximize), Reference, float32);
    }

    [Fact]
    public void ZeroGradZeroesExistingGradientsInPlaceAndLeavesMissingOnesNull()
    {
        using var scope = NewDisposeScope();
        using var a = nn.Parameter(ones(3));
        using var b = nn.Parameter(ones(2));
        using var optimizer = optim.SGD([a, b], 0.1);
        (a * 3).sum().backward();
        var before = a.grad!;
        optimizer.zero_grad();
        Assert.Equal(new float[] { 0, 0, 0 }, before.data<float>().ToArray());
        Assert.Null(b.grad);
    }

    [Fact]
    public void ParametersWithoutGradientsAreLeftAlone()
    {
        using var scope = NewDisposeScope();
        using var a = nn.Parameter(ones(2));
        using var b = nn.Parameter(ones(2));
        using var optimizer = optim.Adam([a, b], lr: 0.5);
        a.grad = tensor(new float[] { 1, -1 });
        optimizer.step();
        Assert.Equal(new float[] { 1, 1 }, b.data<float>().ToArray());
        // Adam's first bias-corrected step moves each element by lr against the gradient's sign.
        TensorAssert.Close([0.5, 1.5], a);
    }

    [Fact]
    public void StepReturnsTheClosureLossComputedWithGradients()
    {
        using var scope = NewDisposeScope();
        using var w = nn.Parameter(tensor(new float[] { 2 }));
        using var optimizer = optim.SGD([w], 0.25);
        Tensor Closure()
        {
            optimizer.zero_grad();
            var loss = w.square().sum();
            loss.backward();
            return loss;
        }
        Tensor? result;
        using (no_grad()) result = optimizer.step(Closure);
        Assert.Equal(4f, result!.item<float>());
        TensorAssert.Close([1.0], w); // 2 − 0.25 · 2w
    }

    [Fact]
    public void NamedParametersAreAccepted()
    {
        using var scope = NewDisposeScope();
        using var w = nn.Parameter(ones(2));
        using var optimizer = optim.RMSProp([("weight", w)], lr: 0.1);
        Assert.Same(w, Assert.Single(optimizer.parameters()));
    }

    [Fact]
    public void StepLRScalesTheLearningRateEveryStepSizeEpochs()
    {
        using var w = nn.Parameter(ones(1));
        using var optimizer = optim.SGD([w], 1.0);
        var scheduler = optim.lr_scheduler.StepLR(optimizer, step_size: 2, gamma: 0.5);
        var rates = new List<double>();
        for (var epoch = 0; epoch < 5; epoch++)
        {
            scheduler.step();
            rates.Add(optimizer.LearningRate);
        }
        Assert.Equal(new[] { 1.0, 0.5, 0.5, 0.25, 0.25 }, rates);
        Assert.Equal(new[] { 0.25 }, scheduler.get_last_lr());
    }

    [Fact]
    public void InvalidSettingsNameTheArgument()
    {
        using var w = nn.Parameter(ones(1));
        Assert.Equal("lr", Assert.Throws<ArgumentOutOfRangeException>(() => optim.Adam([w], lr: -1)).ParamName);
        Assert.Equal("beta2", Assert.Throws<ArgumentOutOfRangeException>(() => optim.Adam([w], beta2: 1)).ParamName);
        Assert.Equal("nesterov", Assert.Throws<ArgumentException>(() => optim.SGD([w], 0.1, nesterov: true)).ParamName);
        Assert.Contains("empty parameter list", Assert.Throws<ArgumentException>(() => optim.RMSProp(Array.Empty<Parameter>())).Message);
    }
}
