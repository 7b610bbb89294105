namespace Binding.Tests;

public class SmokeTests
{
    [Fact]
    public void AddsAndReadsBack()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 1, 2, 3, 4 }, new long[] { 2, 2 });
        var y = x * 2 + 1;
        Assert.Equal(new float[] { 3, 5, 7, 9 }, y.data<float>().ToArray());
        Assert.Equal(new long[] { 2, 2 }, y.shape);
        var s = (y.sum() - 24).item<float>();
        Assert.Equal(0f, s);
        var l = arange(5);
        Assert.Equal(ScalarType.Int64, l.dtype);
        Assert.Equal(ScalarType.Int64, (l + 1).dtype);
        Assert.Equal(new float[] { 3, 7 }, y[.., 0].data<float>().ToArray());
        var w = randn(3, 3).requires_grad_();
        var loss = (w * w).sum();
        loss.backward();
        Assert.True(w.grad!.allclose(w * 2));
        var e = Assert.Throws<TorchException>(() => ones(2, 3).mm(ones(2, 3)));
        Assert.Contains("mat1 and mat2 shapes cannot be multiplied", e.Message);
    }
}
