namespace Binding.Tests;

[Collection(TensorGlobalState.Name)]
public class TensorRuntimeTests
{
    [Fact]
    public void NumThreadsRoundTrips()
    {
        var original = get_num_threads();
        Assert.True(original >= 1);
        try
        {
            set_num_threads(1);
            Assert.Equal(1, get_num_threads());
            set_num_threads(2);
            Assert.Equal(2, get_num_threads());
        }
        finally
        {
            set_num_threads(original);
        }
        Assert.Equal(original, get_num_threads());
        Assert.Throws<ArgumentOutOfRangeException>(() => set_num_threads(0));
    }

    [Fact]
    public void UsesEveryCoreByDefault()
    {
        // libtorch alone would start with one thread per physical core (one, on a two-vCPU machine).
        var fromEnvironment = Environment.GetEnvironmentVariable("OMP_NUM_THREADS");
        var expected = string.IsNullOrEmpty(fromEnvironment) ? Environment.ProcessorCount : int.Parse(fromEnvironment);
        var threads = 0;
        var worker = new Thread(() => threads = get_num_threads());
        worker.Start();
        worker.Join();
        Assert.Equal(expected, threads);
    }

    [Fact]
    public void ReportsTheLibtorchVersion()
    {
        Assert.StartsWith("1.13", __version__);
        Assert.Contains("PyTorch built with", build_info());
    }

    [Fact]
    public void OnTwoCoresMatrixProductsRunOnOneBlasThread()
    {
        var chosen = Environment.GetEnvironmentVariable("OPENBLAS_NUM_THREADS") ?? Environment.GetEnvironmentVariable("OMP_NUM_THREADS");
        if (Environment.ProcessorCount <= 2 && string.IsNullOrEmpty(chosen))
            Assert.Equal(1, blas_threads);
        else
            Assert.InRange(blas_threads, 1, Math.Max(Environment.ProcessorCount, int.Parse(chosen ?? "1")));
    }

    [Fact]
    public void BlasThreadsRejectsLessThanOneWithAMessage()
    {
        var before = blas_threads;
        var e = Assert.Throws<TorchException>(() => blas_threads = 0);
        Assert.Contains("threads must be at least 1, got 0", e.Message);
        Assert.Equal(before, blas_threads);
        if (before > 0) blas_threads = before;
        Assert.Equal(before, blas_threads);
    }

    [Fact]
    public void SetNumThreadsHoldsWhenLaterCallsBindNewNativeFunctions()
    {
        var before = get_num_threads();
        try
        {
            set_num_threads(1);
            // Functions no other test calls: binding each one asks the library resolver again.
            _ = build_info();
            using var a = ones(4);
            using var x = a.lerp(a.outer(a)[0], 0.5);
            Assert.Equal(1, get_num_threads());
        }
        finally
        {
            set_num_threads(before);
        }
    }
}
