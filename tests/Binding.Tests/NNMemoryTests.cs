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
