namespace Binding.Tests;

/// <summary>Autograd against float64 finite differences for every differentiable tensor op of the binding.</summary>
public class TensorGradientTests
{
    // Fixed inputs (not torch's generator, which other tests reseed) kept away from kinks and edges.
    private static Tensor Values(long[] shape, int seed, double low = -1.5, double high = 1.5)
    {
        var random = new Random(seed);
        var count = (int)shape.Aggregate(1L, (a, b) => a * b);
        return tensor(Enumerable.Range(0, count).Select(_ => low + (high - low) * random.NextDouble()).ToArray(), shape);
    }

    private static Tensor Positive(params long[] shape) => Values(shape, 2, 0.3, 2.0);

    private static Tensor Any(params long[] shape) => Values(shape, 1);

    /// <summary>Values at least 0.2 away from zero, so abs and relu are smooth around them.</summary>
    private static Tensor AwayFromZero(params long[] shape)
    {
        using var magnitude = Values(shape, 3, 0.2, 1.5);
        using var sign = Values(shape, 4).sign();
        return magnitude * sign;
    }

    private static readonly Dictionary<string, (Func<Tensor[], Tensor> f, Func<Tensor[]> inputs)> Cases = new()
    {
        ["exp"] = (x => x[0].exp(), () => [Any(2, 3)]),
        ["log"] = (x => x[0].log(), () => [Positive(2, 3)]),
        ["log1p"] = (x => x[0].log1p(), () => [Positive(2, 3)]),
        ["sqrt"] = (x => x[0].sqrt(), () => [Positive(2, 3)]),
        ["square"] = (x => x[0].square(), () => [Any(2, 3)]),
        ["pow scalar"] = (x => x[0].pow(2.5), () => [Positive(2, 3)]),
        ["pow tensor"] = (x => x[0].pow(x[1]), () => [Positive(2, 3), Any(2, 3)]),
        ["scalar pow"] = (x => pow(1.7, x[0]), () => [Any(2, 3)]),
        ["abs"] = (x => x[0].abs(), () => [AwayFromZero(2, 3)]),
        ["neg"] = (x => -x[0], () => [Any(2, 3)]),
        ["clamp"] = (x => x[0].clamp(-0.5, 0.5), () => [tensor(new[] { -1.2, -0.3, 0.1, 0.4, 0.9, 1.4 })]),
        ["sigmoid"] = (x => x[0].sigmoid(), () => [Any(2, 3)]),
        ["tanh"] = (x => x[0].tanh(), () => [Any(2, 3)]),
        ["relu"] = (x => x[0].relu(), () => [AwayFromZero(2, 3)]),
        ["add sub mul broadcast"] = (x => (x[0] + x[1]) * x[0] - x[1] * 2 + 1, () => [Any(2, 3), Any(3)]),
        ["scalar minus and divide"] = (x => (3 - x[0]) / (2 / x[1]), () => [Any(2, 3), Positive(2, 3)]),
        ["division"] = (x => x[0] / x[1], () => [Any(3, 1), Positive(1, 4)]),
        ["sum"] = (x => x[0].sum(), () => [Any(2, 3)]),
        ["sum dim"] = (x => x[0].sum(1, keepdim: true), () => [Any(2, 3, 2)]),
        ["sum dims"] = (x => x[0].sum([0L, 2]), () => [Any(2, 3, 2)]),
        ["mean"] = (x => x[0].mean(), () => [Any(2, 3)]),
        ["mean dims"] = (x => x[0].mean([0L, 2], keepdim: true), () => [Any(2, 3, 2)]),
        ["max"] = (x => x[0].max(), () => [Any(2, 3)]),
        ["max dim"] = (x => x[0].max(1).values, () => [Any(3, 4)]),
        ["min"] = (x => x[0].min(), () => [Any(2, 3)]),
        ["min dim"] = (x => x[0].min(0).values, () => [Any(3, 4)]),
        ["logsumexp"] = (x => x[0].logsumexp(1), () => [Any(3, 4)]),
        ["matmul"] = (x => x[0].matmul(x[1]), () => [Any(2, 3, 4), Any(4, 2)]),
        ["matmul vector"] = (x => x[0].matmul(x[1]), () => [Any(3, 4), Any(4)]),
        ["mm"] = (x => x[0].mm(x[1]), () => [Any(2, 3), Any(3, 4)]),
        ["tril"] = (x => x[0].tril(), () => [Any(3, 3)]),
        ["diagonal"] = (x => x[0].diagonal(1), () => [Any(3, 4)]),
        ["diag_embed"] = (x => x[0].diag_embed(), () => [Any(2, 3)]),
        ["cat"] = (x => cat([x[0], x[1]], 1), () => [Any(2, 3), Any(2, 2)]),
        ["stack"] = (x => stack([x[0], x[1]], 1), () => [Any(2, 3), Any(2, 3)]),
        ["slice index"] = (x => x[0][1.., TensorIndex.Slice(0, 4, 2)], () => [Any(3, 4)]),
        ["tensor index"] = (x => x[0][tensor(new long[] { 2, 0, 2 })], () => [Any(3, 2)]),
        ["reshape permute expand"] = (x => x[0].reshape(3, 2).permute(1, 0).unsqueeze(0).expand(2, 2, 3) * x[1],
                                      () => [Any(6), Any(2, 1, 3)]),
        ["transpose flatten"] = (x => x[0].transpose(0, 2).flatten(), () => [Any(2, 3, 2)]),
        ["view"] = (x => x[0].view(3, 2), () => [Any(2, 3)]),
        ["unflatten"] = (x => x[0].unflatten(1, 2, 3), () => [Any(2, 6)]),
        ["squeeze"] = (x => x[0].squeeze(), () => [Any(2, 1, 3, 1)]),
        ["squeeze dim"] = (x => x[0].squeeze(1), () => [Any(2, 1, 3, 1)]),
        ["contiguous"] = (x => x[0].t().contiguous(), () => [Any(2, 3)]),
        ["clone"] = (x => x[0].clone(), () => [Any(2, 3)]),
        // Parts of unequal sizes, combined so that each part gets a different gradient.
        ["chunk"] = (x => { var c = x[0].chunk(3, 1); return c[0] * c[1] + c[2]; }, () => [Any(2, 5)]),
        ["split"] = (x => { var s = x[0].split(2); return s[0] * s[1] + s[2]; }, () => [Any(5, 3)]),
        ["split sizes"] = (x => { var s = x[0].split([1L, 3], 1); return s[0] * s[1]; }, () => [Any(2, 4)]),
        ["narrow"] = (x => x[0].narrow(1, 1, 2), () => [Any(3, 4)]),
        // A repeated index accumulates its gradients.
        ["index_select"] = (x => x[0].index_select(1, tensor(new long[] { 2, 0, 2 })), () => [Any(2, 3)]),
        ["solve_triangular"] = (x => linalg.solve_triangular(x[0].tril() + eye(3, dtype: float64) * 3, x[1], upper: false),
                                () => [Any(3, 3), Any(3, 2)]),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void MatchesFiniteDifferences(string name)
    {
        using var scope = NewDisposeScope();
        var (f, inputs) = Cases[name];
        GradCheck.Check(f, inputs());
    }

    [Fact]
    public void GradCheckCatchesAWrongGradient()
    {
        using var scope = NewDisposeScope();
        // x.detach() hides the second factor from autograd, so the gradient is half the true one.
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => GradCheck.Check(x => x[0] * x[0].detach(), Any(3)));
    }
}
