namespace Binding.Tests;

public class TensorMathTests
{
    private static Tensor Doubles(params double[] values) => tensor(values);

    [Fact]
    public void TensorArithmeticBroadcasts()
    {
        using var scope = NewDisposeScope();
        var column = tensor(new float[] { 1, 2 }, [2, 1]);
        var row = tensor(new float[] { 10, 20, 30 });
        var sum = column + row;
        Assert.Equal([2L, 3], sum.shape);
        TensorAssert.Close([11, 21, 31, 12, 22, 32], sum);
        TensorAssert.Close([9, 19, 29, 8, 18, 28], row - column);
        TensorAssert.Close([10, 20, 30, 20, 40, 60], column * row);
        TensorAssert.Close([10, 20, 30, 5, 10, 15], row / column);
        TensorAssert.Close([1, 0, 1], tensor(new float[] { 7, 8, 9 }) % tensor(new float[] { 2, 4, 2 }));
        TensorAssert.Close([20, 40, 60], row.add(tensor(new float[] { 1, 2, 3 }), 10));
    }

    [Fact]
    public void ScalarsWorkOnEitherSide()
    {
        using var scope = NewDisposeScope();
        var x = Doubles(1, 2, 4);
        TensorAssert.Close([2, 3, 5], x + 1);
        TensorAssert.Close([2, 3, 5], 1 + x);
        TensorAssert.Close([0.5, 1.5, 3.5], x - 0.5);
        TensorAssert.Close([9, 8, 6], 10 - x);
        TensorAssert.Close([3, 6, 12], 3 * x);
        TensorAssert.Close([0.5, 1, 2], x / 2);
        TensorAssert.Close([4, 2, 1], 4 / x);
        TensorAssert.Close([-1, -2, -4], -x);
        TensorAssert.Close([1, 2, 1], x % 3);
        Assert.Equal(ScalarType.Float64, (10 - x).dtype);
        Assert.Equal(ScalarType.Float64, (4 / x).dtype);
    }

    [Fact]
    public void IntegralTensorsFollowTypePromotion()
    {
        using var scope = NewDisposeScope();
        var n = arange(1, 4);
        Assert.Equal(ScalarType.Int64, (n + 1).dtype);
        Assert.Equal([2L, 3, 4], (n + 1).data<long>().ToArray());
        Assert.Equal(ScalarType.Int64, (n * 2).dtype);
        Assert.Equal(ScalarType.Int64, (5 - n).dtype);
        Assert.Equal([4L, 3, 2], (5 - n).data<long>().ToArray());
        var half = n * 0.5;
        Assert.Equal(ScalarType.Float32, half.dtype);
        TensorAssert.Close([0.5, 1, 1.5], half);
        Assert.Equal(ScalarType.Float32, (n / 2).dtype);
        TensorAssert.Close([0.5, 1, 1.5], n / 2);
        TensorAssert.Close([6, 3, 2], 6 / n);
        TensorAssert.Close([1.5, 0.75, 0.5], 1.5 / n);
        TensorAssert.Close([-0.5, -1.5, -2.5], 0.5 - n);
        var scaled = n.add(n, 2);
        Assert.Equal(ScalarType.Int64, scaled.dtype);
        Assert.Equal([3L, 6, 9], scaled.data<long>().ToArray());
    }

    [Fact]
    public void ComparisonsReturnBoolTensors()
    {
        using var scope = NewDisposeScope();
        var x = Doubles(1, 2, 3);
        var y = Doubles(3, 2, 1);
        var lt = x < y;
        Assert.Equal(ScalarType.Bool, lt.dtype);
        Assert.Equal([true, false, false], lt.data<bool>().ToArray());
        Assert.Equal([false, false, true], (x > y).data<bool>().ToArray());
        Assert.Equal([true, true, false], (x <= y).data<bool>().ToArray());
        Assert.Equal([false, true, true], (x >= y).data<bool>().ToArray());
        Assert.Equal([false, true, false], x.eq(y).data<bool>().ToArray());
        Assert.Equal([true, false, true], x.ne(y).data<bool>().ToArray());
        Assert.Equal([false, true, false], (x == 2).data<bool>().ToArray());
        Assert.Equal([true, false, true], (x != 2).data<bool>().ToArray());
        Assert.Equal([true, true, false], (x < 3).data<bool>().ToArray());
        Assert.Equal([false, true, true], (x >= 2).data<bool>().ToArray());
        Assert.Equal([false, false, true], (x > 2.5).data<bool>().ToArray());
        Assert.Equal([true, false, false], (x <= 1).data<bool>().ToArray());
        Assert.Equal([true, false, true], ((x < 2) | (x > 2)).data<bool>().ToArray());
        Assert.Equal([false, true, false], (~((x < 2) | (x > 2))).data<bool>().ToArray());
        Assert.True(x.equal(Doubles(1, 2, 3)));
        Assert.False(x.equal(y));
    }

    [Fact]
    public void EqualityOperatorsCompareElementsWhileEqualsComparesReferences()
    {
        using var scope = NewDisposeScope();
        var x = Doubles(1, 2, 3);
        var twin = Doubles(1, 2, 3);
        var y = Doubles(3, 2, 1);
        Assert.Equal([false, true, false], (x == y).data<bool>().ToArray());
        Assert.Equal([true, false, true], (x != y).data<bool>().ToArray());
        Assert.Equal([true, true, true], (x == twin).data<bool>().ToArray());
        Assert.Equal([false, true, false], (2 == x).data<bool>().ToArray());
        Assert.Equal([true, false, true], (2 != x).data<bool>().ToArray());
        Assert.Equal([false, false, true], (2 < x).data<bool>().ToArray());
        Assert.Equal([true, false, false], (2 > x).data<bool>().ToArray());
        Assert.Equal([false, true, true], (2 <= x).data<bool>().ToArray());
        Assert.Equal([true, true, false], (2.5 >= x).data<bool>().ToArray());
        Assert.True(x.Equals(x));
        Assert.False(x.Equals(twin));
        Assert.Equal(2, new HashSet<Tensor> { x, twin, x }.Count);
        Tensor? missing = null;
        Assert.True(missing is null);
        var e = Assert.Throws<ArgumentNullException>(() => x == missing!);
        Assert.Equal("right", e.ParamName);
        Assert.Contains("is null", e.Message);
    }

    [Fact]
    public void ElementwiseFunctions()
    {
        using var scope = NewDisposeScope();
        double[] v = [-2, -0.5, 0.25, 3];
        var x = tensor(v);
        var positive = Doubles(0.5, 1, 4);
        TensorAssert.Close([Math.Exp(-2), Math.Exp(-0.5), Math.Exp(0.25), Math.Exp(3)], x.exp());
        TensorAssert.Close([Math.Log(0.5), 0, Math.Log(4)], positive.log());
        TensorAssert.Close([Math.Log(1.5), Math.Log(2), Math.Log(5)], positive.log1p());
        TensorAssert.Close([Math.Sqrt(0.5), 1, 2], positive.sqrt());
        TensorAssert.Close([4, 0.25, 0.0625, 9], x.square());
        TensorAssert.Close([-8, -0.125, 0.015625, 27], x.pow(3));
        TensorAssert.Close([Math.Sqrt(0.5), 1, 8], positive.pow(Doubles(0.5, 7, 1.5)));
        TensorAssert.Close([Math.Pow(2, 0.5), 2, 16], pow(2, positive));
        TensorAssert.Close([2, 0.5, 0.25, 3], x.abs());
        TensorAssert.Close([2, 0.5, -0.25, -3], x.neg());
        TensorAssert.Close(v.Select(a => 1 / (1 + Math.Exp(-a))).ToArray(), x.sigmoid());
        TensorAssert.Close(v.Select(Math.Tanh).ToArray(), x.tanh());
        TensorAssert.Close([0, 0, 0.25, 3], x.relu());
        TensorAssert.Close(v.Select(a => Math.Log(1 + Math.Exp(a))).ToArray(), nn.functional.softplus(x));
        TensorAssert.Close(v.Select(a => Math.Log(1 + Math.Exp(a))).ToArray(), x.softplus());
        // beta = 2, threshold = 1: linear where 2x > 1 (the last element only).
        TensorAssert.Close(v.Select(a => 2 * a > 1 ? a : Math.Log(1 + Math.Exp(2 * a)) / 2).ToArray(), x.softplus(2, 1));
        TensorAssert.Close([-2, -0, 0, 3], x.round());
        TensorAssert.Close([2, 2, 4], Doubles(1.5, 2.5, 3.5).round());
    }

    [Fact]
    public void ClampLimitsEitherOrBothEnds()
    {
        using var scope = NewDisposeScope();
        var x = Doubles(-2, -0.5, 0.25, 3);
        TensorAssert.Close([-1, -0.5, 0.25, 1], x.clamp(-1, 1));
        TensorAssert.Close([0, 0, 0.25, 3], x.clamp(min: 0));
        TensorAssert.Close([-2, -0.5, 0.25, 0.5], x.clamp(max: 0.5));
        TensorAssert.Close([0, 0, 0.25, 3], x.clamp_min(0));
        var n = arange(6);
        var clamped = n.clamp(1, 4);
        Assert.Equal(ScalarType.Int64, clamped.dtype);
        Assert.Equal([1L, 1, 2, 3, 4, 4], clamped.data<long>().ToArray());
    }

    [Fact]
    public void SumAndMeanOverAllOrSomeDimensions()
    {
        using var scope = NewDisposeScope();
        var m = arange(6, float64).view(2, 3);
        Assert.Equal(15.0, m.sum().item<double>());
        Assert.Empty(m.sum().shape);
        // A literal 0 also converts to ScalarType: sum(0) must still mean dimension 0.
        TensorAssert.Close([3, 5, 7], m.sum(0));
        TensorAssert.Close([3, 12], m.sum(1));
        Assert.Equal([2L, 1], m.sum(1, keepdim: true).shape);
        Assert.Equal([1L, 1], m.sum([0L, 1], keepdim: true).shape);
        Assert.Equal(2.5, m.mean().item<double>());
        TensorAssert.Close([1.5, 2.5, 3.5], m.mean(0));
        TensorAssert.Close([1, 4], m.mean(-1));
        Assert.Equal([1L, 3], m.mean([0L], keepdim: true).shape);
        Assert.Equal(ScalarType.Float64, arange(4).sum(float64).dtype);
        Assert.Equal(ScalarType.Int64, arange(4).sum().dtype);
    }

    [Fact]
    public void MaxMinAndArgmax()
    {
        using var scope = NewDisposeScope();
        var m = tensor(new float[] { 3, 9, 1, 7, 2, 8 }, [2, 3]);
        Assert.Equal(9f, m.max().item<float>());
        Assert.Equal(1f, m.min().item<float>());
        var (values, indexes) = m.max(1);
        TensorAssert.Close([9, 8], values);
        Assert.Equal(ScalarType.Int64, indexes.dtype);
        Assert.Equal([1L, 2], indexes.data<long>().ToArray());
        var (kept, keptIndexes) = m.max(0, keepdim: true);
        Assert.Equal([1L, 3], kept.shape);
        Assert.Equal([1L, 0, 1], keptIndexes.data<long>().ToArray());
        var (low, lowIndexes) = m.min(1);
        TensorAssert.Close([1, 2], low);
        Assert.Equal([2L, 1], lowIndexes.data<long>().ToArray());
        Assert.Equal(1L, m.argmax().item<long>());
        Assert.Equal([1L, 2], m.argmax(1).data<long>().ToArray());
        Assert.Equal([2L, 1], m.argmax(1, keepdim: true).shape);
    }

    [Fact]
    public void LogsumexpIsStableAndMatchesTheDefinition()
    {
        using var scope = NewDisposeScope();
        var m = tensor(new double[] { 1, 2, 3, 1000, 1000, 1000 }, [2, 3]);
        var result = m.logsumexp(1);
        TensorAssert.Close([Math.Log(Math.Exp(1) + Math.Exp(2) + Math.Exp(3)), 1000 + Math.Log(3)], result);
        Assert.Equal([2L, 1], m.logsumexp(1, keepdim: true).shape);
        Assert.Equal([3L], m.logsumexp(0).shape);
    }

    [Fact]
    public void MatrixProducts()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        var b = tensor(new double[] { 1, 0, 0, 1, 1, 1 }, [3, 2]);
        TensorAssert.Close([4, 5, 10, 11], a.mm(b));
        TensorAssert.Close([4, 5, 10, 11], a.matmul(b));
        TensorAssert.Close([6, 15], a.matmul(ones(new long[] { 3 }, float64)));
        var batch = stack([a, a * 2]);
        var product = batch.matmul(b);
        Assert.Equal([2L, 2, 2], product.shape);
        TensorAssert.Close([4, 5, 10, 11, 8, 10, 20, 22], product);
    }

    [Fact]
    public void TriangularAndDiagonalHelpers()
    {
        using var scope = NewDisposeScope();
        var m = arange(1, 10, float64).view(3, 3);
        TensorAssert.Close([1, 0, 0, 4, 5, 0, 7, 8, 9], m.tril());
        TensorAssert.Close([0, 0, 0, 4, 0, 0, 7, 8, 0], m.tril(-1));
        TensorAssert.Close([1, 2, 0, 4, 5, 6, 7, 8, 9], m.tril(1));
        TensorAssert.Close([1, 5, 9], m.diagonal());
        TensorAssert.Close([2, 6], m.diagonal(1));
        TensorAssert.Close([4, 8], m.diagonal(-1));
        var embedded = Doubles(1, 2).diag_embed();
        Assert.Equal([2L, 2], embedded.shape);
        TensorAssert.Close([1, 0, 0, 2], embedded);
        var batch = tensor(new double[] { 1, 2, 3, 4 }, [2, 2]).diag_embed();
        Assert.Equal([2L, 2, 2], batch.shape);
        TensorAssert.Close([1, 0, 0, 2, 3, 0, 0, 4], batch);
    }

    [Fact]
    public void SolveTriangularSolvesTheSystem()
    {
        using var scope = NewDisposeScope();
        var lower = tensor(new double[] { 2, 0, 1, 4 }, [2, 2]);
        var b = tensor(new double[] { 2, 9 }, [2, 1]);
        var x = linalg.solve_triangular(lower, b, upper: false);
        TensorAssert.Close([1, 2], x);
        TensorAssert.Close([2, 9], lower.mm(x));
    }
}
