namespace Binding.Tests;

public class TensorIndexingTests
{
    private static long[] Values(Tensor t) => t.data<long>().ToArray();

    [Fact]
    public void IntegersSelectAndRangesSlice()
    {
        using var scope = NewDisposeScope();
        var m = arange(12).view(3, 4);
        Assert.Equal([4L, 5, 6, 7], Values(m[1]));
        Assert.Equal(6L, m[1, 2].item<long>());
        Assert.Equal([0L, 4, 8], Values(m[.., 0]));
        Assert.Equal([3L, 7, 11], Values(m[.., ^1]));
        var middle = m[1..^1];
        Assert.Equal([1L, 4], middle.shape);
        Assert.Equal([4L, 5, 6, 7], Values(middle));
        Assert.Equal([1L, 2, 5, 6], Values(m[..2, 1..3]));
        Assert.Equal([8L, 9, 10, 11], Values(m[^1]));
        Assert.Equal([2L, 2], m[(0, 2), (2, null)].shape);
    }

    [Fact]
    public void SliceWithAStep()
    {
        using var scope = NewDisposeScope();
        var x = arange(12);
        Assert.Equal([0L, 2, 4, 6, 8], Values(x[TensorIndex.Slice(0, 10, 2)]));
        Assert.Equal([1L, 4, 7, 10], Values(x[TensorIndex.Slice(1, null, 3)]));
        Assert.Equal(Values(x), Values(x[TensorIndex.Colon]));
    }

    [Fact]
    public void NoneAddsAnAxisAndEllipsisFillsTheRest()
    {
        using var scope = NewDisposeScope();
        var cube = arange(24).view(2, 3, 4);
        Assert.Equal([1L, 2, 3, 4], cube[TensorIndex.None].shape);
        Assert.Equal([2L, 1, 3, 4], cube[.., TensorIndex.None].shape);
        var last = cube[TensorIndex.Ellipsis, 1];
        Assert.Equal([2L, 3], last.shape);
        Assert.Equal([1L, 5, 9, 13, 17, 21], Values(last));
        Assert.Equal([14L, 18, 22], Values(cube[1, TensorIndex.Ellipsis, 2]));
        Assert.Equal([1L, 2, 3, 4], cube[TensorIndex.Bool(true)].shape);
        Assert.Equal([0L, 2, 3, 4], cube[TensorIndex.Bool(false)].shape);
    }

    [Fact]
    public void TensorIndicesGatherAndMasksSelect()
    {
        using var scope = NewDisposeScope();
        var m = arange(12).view(3, 4);
        var rows = m[tensor(new long[] { 2, 0, 2 })];
        Assert.Equal([3L, 4], rows.shape);
        Assert.Equal([8L, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11], Values(rows));
        Assert.Equal([1L, 11], Values(m[tensor(new long[] { 0, 2 }), tensor(new long[] { 1, 3 })]));
        Assert.Equal([9L, 10, 11], Values(m[m > 8]));
    }

    [Fact]
    public void AssigningThroughAnIndexWritesIntoTheTensor()
    {
        using var scope = NewDisposeScope();
        var m = zeros(new long[] { 2, 3 }, int64);
        m[.., 0] = tensor(new long[] { 7, 8 });
        Assert.Equal([7L, 0, 0, 8, 0, 0], Values(m));
        m[1] = tensor(5L);
        Assert.Equal([7L, 0, 0, 5, 5, 5], Values(m));
        m.index_put_(-1, TensorIndex.Ellipsis, 2);
        Assert.Equal([7L, 0, -1, 5, 5, -1], Values(m));
        m.index_put_(3, m == 0);
        Assert.Equal([7L, 3, -1, 5, 5, -1], Values(m));
    }
}
