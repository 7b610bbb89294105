using static TorchSharp.torch.nn;

namespace Binding.Tests;

/// <summary>Modules free what they create; counted with the process-wide live tensor count, so not in parallel.</summary>
[Collection(TensorGlobalState.Name)]
public class NNMemoryTests
{
    // Finalizers of other tests' garbage must not run while counting.
    private static long SettledLiveTensorCount()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return LiveTensorCount;
    }

    [Fact]
    public void SequentialDisposesIntermediatesAndDisposeFreesParameters()
    {
        var model = Sequential(Linear(3, 4), ReLU(), Linear(4, 2), Identity());
        var parameters = model.parameters().ToList();
        var live = SettledLiveTensorCount();
        using (var x = randn(2, 3))
        using (var y = model.forward(x))
            Assert.Equal(new long[] { 2, 2 }, y.shape);
        Assert.Equal(live, LiveTensorCount);
        model.Dispose();
        Assert.All(parameters, p => Assert.True(p.IsInvalid));
    }

    [Fact]
    public void TransposedConvolutionStepsKeepMemoryFlat()
    {
        // conv_transpose2d's CPU path is a custom autograd node that saves its input and weight; a step
        // whose graph outlived it would hold about 230 KB, 230 MB over the measured steps.
        using var layer = ConvTranspose2d(16, 16, 5, stride: 2, padding: 2, output_padding: 1);
        using var optimizer = optim.SGD(layer.parameters(), 0.01);
        void Step()
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            layer.forward(randn(8, 16, 10, 10)).square().mean().backward();
            optimizer.step();
        }

        for (var i = 0; i < 200; i++) Step();
        var live = SettledLiveTensorCount();
        var resident = MemoryTests.ResidentBytes();
        for (var i = 0; i < 1000; i++) Step();
        Assert.Equal(live, SettledLiveTensorCount());
        var growth = MemoryTests.ResidentBytes() - resident;
        Assert.True(growth < 32 << 20, $"resident memory grew by {growth / 1024} KiB over 1,000 steps");
    }

    [Fact]
    public void ConvertingSavingAndLoadingLeaveNoTensorsBehind()
    {
        var path = Path.GetTempFileName();
        try
        {
            using var model = new DenseVae(16, 8, 2);
            using (NewDisposeScope()) model.forward(rand(2, 784)).sum().backward();
            var live = SettledLiveTensorCount();
            model.to(float64).to(float32).save(path);
            model.load(path);
            Assert.Equal(live, LiveTensorCount);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
