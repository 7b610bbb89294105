namespace Binding.Tests;

public class TensorFactoryTests
{
    [Fact]
    public void ZerosOnesFullAndEmptyHaveTheRequestedShapeAndValues()
    {
        using var scope = NewDisposeScope();
        var z = zeros(2, 3);
        Assert.Equal([2L, 3], z.shape);
        Assert.Equal(ScalarType.Float32, z.dtype);
        Assert.All(z.data<float>(), v => Assert.Equal(0f, v));
        Assert.All(ones(new long[] { 4 }, float64).data<double>(), v => Assert.Equal(1.0, v));
        Assert.Equal([3L, 1, 2], empty(3, 1, 2).shape);
        Assert.Empty(zeros(0, 3).data<float>());
    }

    private static void AssertMade(Tensor t, long[] shape, ScalarType dtype, bool requiresGrad = false)
    {
        Assert.Equal(shape, t.shape);
        Assert.Equal(dtype, t.dtype);
        Assert.Equal(requiresGrad, t.requires_grad);
    }

    [Fact]
    public void FactoriesTakeOneToFourSeparateDimensionsBeforeTheirOptions()
    {
        using var scope = NewDisposeScope();
        AssertMade(zeros(3, 4, dtype: float64), [3, 4], ScalarType.Float64);
        AssertMade(randn(3, requires_grad: true), [3], ScalarType.Float32, requiresGrad: true);
        var o = ones(2, 3, 4, device: CPU);
        AssertMade(o, [2, 3, 4], ScalarType.Float32);
        Assert.All(o.data<float>(), v => Assert.Equal(1f, v));
        AssertMade(empty(1, 2, 3, 4, int64), [1, 2, 3, 4], ScalarType.Int64);
        AssertMade(rand(5, 6, float64, requires_grad: true), [5, 6], ScalarType.Float64, requiresGrad: true);
        AssertMade(randn(2, 1, 3), [2, 1, 3], ScalarType.Float32);
        AssertMade(ones(4, float64), [4], ScalarType.Float64);
        AssertMade(zeros(2, 2, 2, 2, requires_grad: true), [2, 2, 2, 2], ScalarType.Float32, requiresGrad: true);
        // More than four dimensions still go through the params form.
        AssertMade(zeros(1, 2, 1, 2, 1), [1, 2, 1, 2, 1], ScalarType.Float32);
    }

    [Fact]
    public void FullTakesSeparateDimensionsBeforeItsValue()
    {
        using var scope = NewDisposeScope();
        var sevens = full(2, 3, 7);
        AssertMade(sevens, [2, 3], ScalarType.Int64);
        Assert.All(sevens.data<long>(), v => Assert.Equal(7L, v));
        Assert.Equal([2.5f, 2.5f], full(2, 2.5).data<float>().ToArray());
        AssertMade(full(1, 2, 3, 4, 0.5, float64, requires_grad: true), [1, 2, 3, 4], ScalarType.Float64, requiresGrad: true);
        AssertMade(full(2, 2, 2, 0), [2, 2, 2], ScalarType.Int64);
    }

    [Fact]
    public void FullTakesItsDtypeFromTheValue()
    {
        using var scope = NewDisposeScope();
        var integral = full([2, 2], 7);
        Assert.Equal(ScalarType.Int64, integral.dtype);
        Assert.Equal([7L, 7, 7, 7], integral.data<long>().ToArray());
        var real = full([3], 2.5);
        Assert.Equal(ScalarType.Float32, real.dtype);
        Assert.Equal([2.5f, 2.5f, 2.5f], real.data<float>().ToArray());
        Assert.Equal(ScalarType.Float64, full([1], 1, float64).dtype);
    }

    [Fact]
    public void RandomFactoriesDrawFromTheirDistributions()
    {
        using var scope = NewDisposeScope();
        var u = rand(1000);
        Assert.Equal(ScalarType.Float32, u.dtype);
        Assert.All(u.data<float>(), v => Assert.InRange(v, 0f, 1f));
        Assert.InRange(u.mean().item<float>(), 0.4f, 0.6f);
        var n = randn(new long[] { 100, 100 }, float64);
        Assert.Equal(ScalarType.Float64, n.dtype);
        Assert.InRange(n.mean().item<double>(), -0.05, 0.05);
        Assert.InRange(n.std().item<double>(), 0.95, 1.05);
        var k = randint(3, 7, [500]);
        Assert.Equal(ScalarType.Int64, k.dtype);
        Assert.Equal([3L, 4, 5, 6], k.data<long>().Distinct().Order().ToArray());
        var p = randperm(10);
        Assert.Equal(ScalarType.Int64, p.dtype);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), p.data<long>().Order());
    }

    [Fact]
    public void ArangeIsInt64ForIntegralArgumentsAndFloat32Otherwise()
    {
        using var scope = NewDisposeScope();
        var a = arange(5);
        Assert.Equal(ScalarType.Int64, a.dtype);
        Assert.Equal([0L, 1, 2, 3, 4], a.data<long>().ToArray());
        Assert.Equal([2L, 5, 8], arange(2, 10, 3).data<long>().ToArray());
        var f = arange(0.0, 1.0, 0.25);
        Assert.Equal(ScalarType.Float32, f.dtype);
        Assert.Equal([0f, 0.25f, 0.5f, 0.75f], f.data<float>().ToArray());
        Assert.Equal(ScalarType.Float64, arange(3, float64).dtype);
    }

    [Fact]
    public void LinspaceAndEye()
    {
        using var scope = NewDisposeScope();
        Assert.Equal([0f, 0.25f, 0.5f, 0.75f, 1f], linspace(0, 1, 5).data<float>().ToArray());
        Assert.Equal([1f, 0, 0, 0, 1, 0, 0, 0, 1], eye(3).data<float>().ToArray());
        var rectangular = eye(2, 3, float64);
        Assert.Equal([2L, 3], rectangular.shape);
        Assert.Equal([1.0, 0, 0, 0, 1, 0], rectangular.data<double>().ToArray());
    }

    [Fact]
    public void TensorFromArrayTakesTheGivenShape()
    {
        using var scope = NewDisposeScope();
        var t = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        Assert.Equal([2L, 3], t.shape);
        Assert.Equal(6f, t[1, 2].item<float>());
        Assert.Equal([3L], tensor(new double[] { 1, 2, 3 }).shape);
        var matrix = tensor(new double[,] { { 1, 2 }, { 3, 4 } });
        Assert.Equal([2L, 2], matrix.shape);
        Assert.Equal(3.0, matrix[1, 0].item<double>());
        var scalar = tensor(2.5f);
        Assert.Empty(scalar.shape);
        Assert.Equal(2.5f, scalar.item<float>());
        Assert.Equal(ScalarType.Float64, tensor(new float[] { 1 }, dtype: float64).dtype);
        Assert.True(tensor(new float[] { 1 }, requires_grad: true).requires_grad);
    }

    [Fact]
    public void TensorFromArrayWithTheWrongShapeNamesTheShape()
    {
        var e = Assert.Throws<ArgumentException>(() => tensor(new float[] { 1, 2, 3 }, [2, 2]));
        Assert.Contains("[2, 2]", e.Message);
        Assert.Contains("3 values", e.Message);
    }

    [Fact]
    public void ElementTypesRoundTrip()
    {
        using var scope = NewDisposeScope();
        float[] singles = [1.5f, -2, float.MaxValue];
        double[] doubles = [Math.PI, -1e300, 0];
        long[] longs = [long.MinValue, 0, long.MaxValue];
        byte[] bytes = [0, 128, 255];
        bool[] bools = [true, false, true];
        Assert.Equal(ScalarType.Float32, tensor(singles).dtype);
        Assert.Equal(singles, tensor(singles).data<float>().ToArray());
        Assert.Equal(ScalarType.Float64, tensor(doubles).dtype);
        Assert.Equal(doubles, tensor(doubles).data<double>().ToArray());
        Assert.Equal(ScalarType.Int64, tensor(longs).dtype);
        Assert.Equal(longs, tensor(longs).data<long>().ToArray());
        Assert.Equal(ScalarType.Byte, tensor(bytes).dtype);
        Assert.Equal(bytes, tensor(bytes).data<byte>().ToArray());
        Assert.Equal(ScalarType.Bool, tensor(bools).dtype);
        Assert.Equal(bools, tensor(bools).data<bool>().ToArray());
    }

    [Fact]
    public void ConversionsBetweenDtypes()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 1.7f, -0.2f, 0 });
        Assert.Equal([1L, 0, 0], x.to(int64).data<long>().ToArray());
        Assert.Equal([true, true, false], x.@bool().data<bool>().ToArray());
        Assert.Equal(ScalarType.Float64, x.@double().dtype);
        Assert.Equal(ScalarType.Float32, x.to(int64).@float().dtype);
    }

    [Fact]
    public void LikeFactoriesCopyShapeAndDtypeUnlessTold()
    {
        using var scope = NewDisposeScope();
        var x = ones(new long[] { 2, 3 }, float64);
        foreach (var like in new[] { zeros_like(x), ones_like(x), empty_like(x), rand_like(x), randn_like(x), full_like(x, 4) })
        {
            Assert.Equal([2L, 3], like.shape);
            Assert.Equal(ScalarType.Float64, like.dtype);
        }
        Assert.All(zeros_like(x).data<double>(), v => Assert.Equal(0.0, v));
        Assert.All(full_like(x, 4).data<double>(), v => Assert.Equal(4.0, v));
        Assert.Equal(ScalarType.Float32, ones_like(x, float32).dtype);
        Assert.True(zeros_like(x, requires_grad: true).requires_grad);
    }
}
