using static TorchSharp.torch.nn;

namespace Helpers.Tests;

/// <summary>
/// The tensors the helpers make follow their inputs' device, so a model on a GPU works by swapping the package.
/// libtorch's "meta" device stands in for a GPU here: it has shapes but no data, and mixing it with CPU tensors
/// fails as mixing a GPU's with the CPU's does.
/// </summary>
public class DeviceTests
{
    [Fact]
    public void A_summary_runs_its_zeros_where_the_model_is()
    {
        using var model = new DeviceProbe().to(META);

        var summary = ModelSummary.Of(model, [4]);

        Assert.Equal(DeviceType.META, model.InputDevice);
        Assert.Equal("(None, 3)", summary.Rows[^1].OutputShape);
    }

    /// <summary>A layer that remembers where its input was (libtorch would happily mix meta and CPU tensors).</summary>
    private sealed class DeviceProbe : Module<Tensor, Tensor>
    {
        private readonly TorchSharp.Modules.Parameter weight = Parameter(zeros(3, 4));

        public DeviceProbe() : base(nameof(DeviceProbe)) => RegisterComponents();

        public DeviceType? InputDevice { get; private set; }

        public override Tensor forward(Tensor x)
        {
            InputDevice = x.device_type;
            return functional.linear(x, weight);
        }
    }

    [Fact]
    public void The_divergence_of_normals_on_a_device_is_on_that_device()
    {
        // (libtorch has no meta kernel for the triangular solve of the full-covariance case.)
        using var scope = NewDisposeScope();
        using var p = distributions.Normal(zeros([3], device: META), ones([3], device: META));
        using var independent = distributions.Independent(distributions.Normal(zeros([2, 3], device: META), ones([2, 3], device: META)), 1);

        Assert.Equal(DeviceType.META, distributions.kl_divergence(p, p).device_type);
        Assert.Equal(DeviceType.META, distributions.kl_divergence(independent, independent).device_type);
    }

    [Fact]
    public void Noise_stays_on_the_images_device()
    {
        using var images = zeros([6, 1, 2, 2], device: META);

        using var noisy = Noise.Add(images);

        Assert.Equal(DeviceType.META, noisy.device_type);
    }
}
