namespace Binding.Tests;

public class AutogradTests
{
    [Fact]
    public void GradIsNullUntilBackwardThenHoldsTheDerivative()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2, 3 }, requires_grad: true);
        Assert.True(x.requires_grad);
        Assert.Null(x.grad);
        var y = (x * x).sum();
        Assert.True(y.requires_grad);
        y.backward();
        TensorAssert.Close([2, 4, 6], x.grad!);
    }

    [Fact]
    public void GradientsAccumulateAcrossBackwardCalls()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }).requires_grad_();
        (x * 3).sum().backward();
        (x * x).sum().backward();
        TensorAssert.Close([5, 7], x.grad!);
        x.grad = null;
        Assert.Null(x.grad);
    }

    [Fact]
    public void RetainGraphAllowsASecondBackwardThroughTheSameGraph()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 2 }).requires_grad_();
        var y = (x * x * x).sum();
        y.backward(retain_graph: true);
        y.backward();
        TensorAssert.Close([24], x.grad!);
        var z = (x * x).sum();
        z.backward();
        var e = Assert.Throws<TorchException>(() => z.backward());
        Assert.Contains("backward through the graph a second time", e.Message);
    }

    [Fact]
    public void BackwardOfANonScalarTakesTheOutputGradient()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2, 3 }).requires_grad_();
        (x * x).backward(tensor(new double[] { 1, 0, 10 }));
        TensorAssert.Close([2, 0, 60], x.grad!);
    }

    [Fact]
    public void TensorsStartWithoutGradAndRequiresGradCanBeTurnedOff()
    {
        using var scope = NewDisposeScope();
        var x = ones(2);
        Assert.False(x.requires_grad);
        Assert.False((x * 2).requires_grad);
        x.requires_grad = true;
        Assert.True((x * 2).requires_grad);
        x.requires_grad_(false);
        Assert.False(x.requires_grad);
        Assert.True(ones(new long[] { 2 }, requires_grad: true).requires_grad);
    }

    [Fact]
    public void NoGradStopsTrackingAndRestoresThePreviousModeWhenNested()
    {
        using var scope = NewDisposeScope();
        var x = ones(2).requires_grad_();
        Assert.True(is_grad_enabled());
        using (no_grad())
        {
            Assert.False(is_grad_enabled());
            Assert.False((x * 2).requires_grad);
            using (enable_grad())
            {
                Assert.True(is_grad_enabled());
                Assert.True((x * 2).requires_grad);
                using (no_grad()) Assert.False(is_grad_enabled());
                Assert.True(is_grad_enabled());
            }
            Assert.False(is_grad_enabled());
            using (set_grad_enabled(false)) Assert.False(is_grad_enabled());
            Assert.False(is_grad_enabled());
        }
        Assert.True(is_grad_enabled());
        Assert.True((x * 2).requires_grad);
    }

    [Fact]
    public void DisposingAGuardTwiceRestoresOnlyOnce()
    {
        var outer = no_grad();
        var inner = enable_grad();
        inner.Dispose();
        outer.Dispose();
        inner.Dispose();
        Assert.True(is_grad_enabled());
    }

    [Fact]
    public void DetachCutsTheGraph()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }).requires_grad_();
        var frozen = (x * 2).detach();
        Assert.False(frozen.requires_grad);
        var y = (x * frozen).sum();
        y.backward();
        TensorAssert.Close([2, 4], x.grad!);
    }

    [Fact]
    public void InPlaceUpdatesUnderNoGradKeepTheLeaf()
    {
        using var scope = NewDisposeScope();
        var w = tensor(new double[] { 1, 1 }).requires_grad_();
        (w * w).sum().backward();
        using (no_grad()) w.sub_(w.grad! * 0.25);
        TensorAssert.Close([0.5, 0.5], w);
        Assert.True(w.requires_grad);
        var e = Assert.Throws<TorchException>(() => w.add_(1));
        Assert.Contains("leaf Variable that requires grad", e.Message);
    }
}
