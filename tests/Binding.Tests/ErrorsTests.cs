using TorchSharp.Interop;

namespace Binding.Tests;

/// <summary>Bad input surfaces as a managed exception carrying libtorch's explanation; the process lives on.</summary>
public class ErrorsTests
{
    private static void AssertTorchError(Func<Tensor> operation, string phrase)
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<TorchException>(() => operation());
        Assert.Contains(phrase, e.Message);
    }

    [Fact]
    public void ShapeMismatchesAreReported()
    {
        AssertTorchError(() => ones(2, 3).mm(ones(2, 3)), "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)");
        AssertTorchError(() => ones(2, 3).matmul(ones(4, 5)), "shapes cannot be multiplied (2x3 and 4x5)");
        AssertTorchError(() => cat([ones(2, 3), ones(2, 4)]), "Sizes of tensors must match except in dimension 0");
        AssertTorchError(() => ones(2, 3).view(5), "shape '[5]' is invalid for input of size 6");
        AssertTorchError(() => ones(2, 3).t().view(6), "view size is not compatible with input tensor's size and stride");
        AssertTorchError(() => ones(2, 3) + ones(4), "The size of tensor a (3) must match the size of tensor b (4)");
    }

    [Fact]
    public void LayerShapeMismatchesAreReported()
    {
        using var linear = nn.Linear(4, 3);
        AssertTorchError(() => linear.call(ones(2, 5)), "mat1 and mat2 shapes cannot be multiplied (2x5 and 4x3)");
        using var conv = nn.Conv2d(3, 4, 3);
        AssertTorchError(() => conv.call(ones(1, 1, 8, 8)),
                         "weight of size [4, 3, 3, 3], expected input[1, 1, 8, 8] to have 3 channels, but got 1 channels instead");
    }

    [Fact]
    public void WrongElementTypesAreReported()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<InvalidCastException>(() => arange(3).sum().item<float>());
        Assert.Contains("Float32", e.Message);
        Assert.Contains("Int64", e.Message);
        var d = Assert.Throws<InvalidCastException>(() => ones(2).data<long>());
        Assert.Contains(".to(Int64)", d.Message);
        AssertTorchError(() => ones(2).mm(ones(new long[] { 2, 2 }, float64)), "self must be a matrix");
        AssertTorchError(() => ones(2, 2).mm(ones(new long[] { 2, 2 }, float64)), "expected scalar type");
        AssertTorchError(() => arange(3).requires_grad_(), "Only Tensors of floating point and complex dtype can require gradients");
    }

    [Fact]
    public void ItemOfManyElementsIsReported()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<TorchException>(() => ones(2, 3).item<float>());
        Assert.Contains("a Tensor with 6 elements cannot be converted to Scalar", e.Message);
    }

    [Fact]
    public void UseAfterDisposeIsReported()
    {
        var x = ones(2);
        x.Dispose();
        Assert.Throws<ObjectDisposedException>(() => x + 1);
        Assert.Throws<ObjectDisposedException>(() => x.shape);
        Assert.Throws<ObjectDisposedException>(() => x.data<float>());
        using var scope = NewDisposeScope();
        Assert.Throws<ObjectDisposedException>(() => ones(2) * x);
    }

    [Fact]
    public void ReducingAnEmptyTensorIsReported()
    {
        AssertTorchError(() => zeros(0, 3).max(), "Expected reduction dim to be specified for input.numel() == 0");
        using var scope = NewDisposeScope();
        Assert.Equal([0L], zeros(0, 3).sum(1).shape);
    }

    [Fact]
    public void IndexesOutOfRangeAreReported()
    {
        AssertTorchError(() => arange(3)[5], "index 5 is out of bounds for dimension 0 with size 3");
        AssertTorchError(() => arange(3)[tensor(new long[] { 0, 7 })], "index 7 is out of bounds for dimension 0 with size 3");
        AssertTorchError(() => arange(6).view(2, 3)[0, 0, 0], "too many indices for tensor of dimension 2");
        AssertTorchError(() => ones(2, 3).sum(2), "Dimension out of range (expected to be in range of [-2, 1], but got 2)");
        AssertTorchError(() => ones(2).narrow(0, 1, 5), "start (1) + length (5) exceeds dimension size (2)");
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ones(2, 3).size(2));
        Assert.Contains("[2, 3]", e.Message);
    }

    [Fact]
    public void TheProcessCarriesOnAfterAnError()
    {
        using var scope = NewDisposeScope();
        for (var i = 0; i < 3; i++) Assert.Throws<TorchException>(() => ones(2, 3).mm(ones(2, 3)));
        Assert.Equal(6f, ones(2, 3).sum().item<float>());
    }

    [Fact]
    public void AnErrorOnOneThreadDoesNotLeakIntoAnother()
    {
        // A worker leaves an error pending by calling the shim without checking its result.
        var failed = false;
        using var pending = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var worker = new Thread(() =>
        {
            using var a = ones(2, 3);
            failed = NativeMethods.ts_mm(a.Handle, a.Handle) == IntPtr.Zero && NativeMethods.ts_last_error() != IntPtr.Zero;
            pending.Set();
            release.Wait();
            NativeMethods.ts_clear_last_error();
        });
        worker.Start();
        pending.Wait();
        try
        {
            Assert.True(failed);
            Assert.Equal(IntPtr.Zero, NativeMethods.ts_last_error());
            using var scope = NewDisposeScope();
            // grad checks the error record when it finds no gradient: a leaked error would surface here.
            Assert.Null(ones(2).grad);
            Assert.Equal(6f, ones(2, 3).sum().item<float>());
        }
        finally
        {
            release.Set();
            worker.Join();
        }
    }

    [Fact]
    public void AFailingOperationOnAWorkerThreadThrowsThere()
    {
        Exception? thrown = null;
        var worker = new Thread(() =>
        {
            using var scope = NewDisposeScope();
            try { ones(2, 3).mm(ones(2, 3)); }
            catch (TorchException e) { thrown = e; }
        });
        worker.Start();
        worker.Join();
        Assert.IsType<TorchException>(thrown);
        using var scope = NewDisposeScope();
        Assert.Equal([2L, 2], ones(2, 3).mm(ones(3, 2)).shape);
    }
}
