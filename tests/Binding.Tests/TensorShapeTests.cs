namespace Binding.Tests;

public class TensorShapeTests
{
    private static long[] Values(Tensor t) => t.data<long>().ToArray();

    [Fact]
    public void ViewReshapeFlattenAndUnflatten()
    {
        using var scope = NewDisposeScope();
        var x = arange(24);
        Assert.Equal([2L, 3, 4], x.view(2, 3, 4).shape);
        Assert.Equal([6L, 4], x.view(-1, 4).shape);
        Assert.Equal([4L, 6], x.reshape(4, 6).shape);
        var cube = x.view(2, 3, 4);
        Assert.Equal([24L], cube.flatten().shape);
        Assert.Equal([2L, 12], cube.flatten(1).shape);
        Assert.Equal([6L, 4], cube.flatten(0, 1).shape);
        Assert.Equal([2L, 3, 2, 2], cube.unflatten(2, 2, 2).shape);
        Assert.Equal(Values(x), Values(cube.flatten()));
    }

    [Fact]
    public void PermuteAndTransposeMoveTheElements()
    {
        using var scope = NewDisposeScope();
        var x = arange(6).view(2, 3);
        Assert.Equal([0L, 3, 1, 4, 2, 5], Values(x.transpose(0, 1)));
        Assert.Equal([0L, 3, 1, 4, 2, 5], Values(x.t()));
        Assert.Equal([3L, 2], x.T.shape);
        var cube = arange(24).view(2, 3, 4).permute(2, 0, 1);
        Assert.Equal([4L, 2, 3], cube.shape);
        Assert.False(cube.is_contiguous());
        Assert.True(cube.contiguous().is_contiguous());
        Assert.Equal(13L, cube[1, 1, 0].item<long>());
    }

    [Fact]
    public void SqueezeUnsqueezeAndExpand()
    {
        using var scope = NewDisposeScope();
        var x = zeros(1, 3, 1);
        Assert.Equal([3L], x.squeeze().shape);
        Assert.Equal([3L, 1], x.squeeze(0).shape);
        Assert.Equal([1L, 3], x.squeeze(-1).shape);
        Assert.Equal([1L, 1, 3, 1], x.unsqueeze(0).shape);
        var row = arange(3).unsqueeze(0);
        var expanded = row.expand(2, 3);
        Assert.Equal([2L, 3], expanded.shape);
        Assert.Equal([0L, 1, 2, 0, 1, 2], Values(expanded));
        Assert.Equal([4L, 3], row.expand(4, -1).shape);
    }

    [Fact]
    public void CloneCopiesButDetachAndViewsShareStorage()
    {
        using var scope = NewDisposeScope();
        var x = zeros(3);
        var copy = x.clone();
        var detached = x.detach();
        var view = x.view(1, 3);
        x.add_(1);
        Assert.Equal([0f, 0, 0], copy.data<float>().ToArray());
        Assert.Equal([1f, 1, 1], detached.data<float>().ToArray());
        Assert.Equal([1f, 1, 1], view.data<float>().ToArray());
    }

    [Fact]
    public void CatAndStackJoinAlongADimension()
    {
        using var scope = NewDisposeScope();
        var a = arange(4).view(2, 2);
        var b = arange(4, 8).view(2, 2);
        Assert.Equal([0L, 1, 2, 3, 4, 5, 6, 7], Values(cat([a, b])));
        Assert.Equal([0L, 1, 4, 5, 2, 3, 6, 7], Values(cat([a, b], 1)));
        Assert.Equal([4L, 2], cat([a, b]).shape);
        Assert.Equal([2L, 2, 2], stack([a, b]).shape);
        Assert.Equal([2L, 2, 2], stack([a, b], 2).shape);
        Assert.Equal([0L, 4, 1, 5, 2, 6, 3, 7], Values(stack([a, b], 2)));
        Assert.Throws<ArgumentException>(() => cat(Array.Empty<Tensor>()));
    }

    [Fact]
    public void ChunkSplitAndNarrow()
    {
        using var scope = NewDisposeScope();
        var x = arange(10);
        var chunks = x.chunk(3);
        Assert.Equal([4L, 4, 2], chunks.Select(c => c.shape[0]));
        Assert.Equal([8L, 9], Values(chunks[2]));
        var pieces = x.split(4);
        Assert.Equal([4L, 4, 2], pieces.Select(c => c.shape[0]));
        var sized = x.split([3L, 7]);
        Assert.Equal([3L, 4, 5, 6, 7, 8, 9], Values(sized[1]));
        Assert.Equal([3L, 4, 5], Values(x.narrow(0, 3, 3)));
        var m = arange(12).view(3, 4);
        Assert.Equal([1L, 2, 5, 6, 9, 10], Values(m.narrow(1, 1, 2)));
        Assert.Equal([3L, 2], m.chunk(2, 1)[1].shape);
        Assert.Equal([2L, 3, 6, 7, 10, 11], Values(m.chunk(2, 1)[1]));
    }

    [Fact]
    public void IndexSelectPicksRowsInOrder()
    {
        using var scope = NewDisposeScope();
        var m = arange(12).view(3, 4);
        Assert.Equal([8L, 9, 10, 11, 0, 1, 2, 3], Values(m.index_select(0, tensor(new long[] { 2, 0 }))));
        Assert.Equal([3L, 0, 7, 4, 11, 8], Values(m.index_select(1, tensor(new long[] { 3, 0 }))));
    }
}
