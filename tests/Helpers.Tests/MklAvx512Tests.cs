using System.Runtime.Intrinsics.X86;

namespace Helpers.Tests;

/// <summary>
/// On an x64 Linux CPU with AVX-512 (this project's machines), libtorch's oneMKL runs its AVX-512 products once the
/// helpers are loaded, and those products are right.
/// </summary>
public class MklAvx512Tests
{
    [Fact]
    public void The_helpers_turn_on_oneMKLs_AVX512_kernels_where_the_CPU_has_AVX512()
    {
        if (!OperatingSystem.IsLinux() || !Avx512F.IsSupported)
        {
            Assert.False(MklAvx512.TurnOn());
            Assert.NotNull(MklAvx512.Reason);
            return;
        }
        Assert.True(MklAvx512.IsOn, MklAvx512.Reason);
        Assert.Null(MklAvx512.Reason);
    }

    [Theory]
    [InlineData(100, 784, 512)]
    [InlineData(37, 129, 65)]
    [InlineData(2048, 256, 128)]
    public void Float32_products_agree_with_float64_ones(int rows, int inner, int columns)
    {
        using var scope = NewDisposeScope();
        manual_seed(rows + inner);
        var a = randn(rows, inner);
        var b = randn(inner, columns);
        var product = a.mm(b).to(float64);
        var exact = a.to(float64).mm(b.to(float64));
        // Each entry sums `inner` products of unit normals (about sqrt(inner) in size), each rounded to float32.
        var worst = (product - exact).abs().max().item<double>();
        Assert.True(worst < 1e-5 * inner, $"[{rows}x{inner}] x [{inner}x{columns}]: largest error {worst:G3}");
        // The transposed forms the backward pass uses.
        var grad = a.t().mm(randn(rows, columns)).to(float64);
        Assert.False(grad.isnan().any().item<bool>());
    }
}
