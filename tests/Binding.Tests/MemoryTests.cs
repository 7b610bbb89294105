using System.Runtime.CompilerServices;

namespace Binding.Tests;

[Collection(TensorGlobalState.Name)]
public class MemoryTests
{
    /// <summary>Resident set size of this process, from /proc/self/statm (in pages) on Linux.</summary>
    internal static long ResidentBytes()
    {
        var fields = File.ReadAllText("/proc/self/statm").Split(' ');
        return long.Parse(fields[1]) * Environment.SystemPageSize;
    }

    private static void CollectGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    [Fact]
    public void TrainingStepsInDisposeScopesLeakNothing()
    {
        // Linear regression by hand: a leaked graph would hold about 10 KB of activations per step,
        // 100 MB over the measured steps.
        using var data = NewDisposeScope();
        var x = randn(256, 8);
        var trueWeights = tensor(new float[] { 1, -2, 0.5f, 3, 0, 1, -1, 2 }, [8, 1]);
        var y = x.mm(trueWeights) + 0.7f;
        var w = zeros(new long[] { 8, 1 }, requires_grad: true);
        var b = zeros(new long[] { 1 }, requires_grad: true);

        float Step()
        {
            using var scope = NewDisposeScope();
            var error = x.mm(w) + b - y;
            var loss = error.square().mean();
            loss.backward();
            using (no_grad())
            {
                foreach (var p in new[] { w, b })
                {
                    p.sub_(p.grad! * 0.1f);
                    p.grad!.zero_();
                }
            }
            var (worst, _) = error.abs().max(0);
            return loss.item<float>() + 0 * worst.item<float>();
        }

        // The warm-up lets the JIT and libtorch's allocator reach their working size.
        for (var i = 0; i < 2000; i++) Step();
        CollectGarbage();
        var liveBefore = LiveTensorCount;
        var residentBefore = ResidentBytes();
        var loss = 0f;
        for (var i = 0; i < 10000; i++) loss = Step();
        CollectGarbage();
        Assert.Equal(liveBefore, LiveTensorCount);
        var growth = ResidentBytes() - residentBefore;
        // The bound leaves room for the JIT and the GC, which grow a little whatever ran earlier in this
        // process; a leak of one step's graph would cost three times as much.
        Assert.True(growth < 32 << 20, $"resident memory grew by {growth / 1024} KiB over 10,000 steps");
        // The steps really trained: the regression recovered the weights.
        Assert.True(loss < 1e-6, $"final loss {loss}");
        TensorAssert.Close([1, -2, 0.5, 3, 0, 1, -1, 2], w.reshape(8), 1e-3);
    }

    [Fact]
    public void AScopeDisposesWhatWasCreatedInsideIt()
    {
        var before = LiveTensorCount;
        Tensor a, b;
        using (var scope = NewDisposeScope())
        {
            a = ones(3);
            b = a * 2 + 1;
            Assert.Equal(3, scope.Count);
            Assert.Same(scope, DisposeScope.Current);
        }
        Assert.True(a.IsInvalid);
        Assert.True(b.IsInvalid);
        Assert.Equal(before, LiveTensorCount);
        Assert.Null(DisposeScope.Current);
    }

    [Fact]
    public void NestedScopesOwnTheirOwnTensors()
    {
        using var outer = NewDisposeScope();
        var kept = ones(2);
        Tensor inner1;
        using (var inner = NewDisposeScope())
        {
            Assert.Same(outer, inner.Outer);
            inner1 = kept + 1;
            Assert.Equal(1, inner.Count);
        }
        Assert.True(inner1.IsInvalid);
        Assert.False(kept.IsInvalid);
        Assert.Same(outer, DisposeScope.Current);
        Assert.Equal(1, outer.Count);
    }

    [Fact]
    public void MoveToOuterDisposeScopeHandsATensorOutward()
    {
        using var outer = NewDisposeScope();
        Tensor result, temporary;
        using (var inner = NewDisposeScope())
        {
            temporary = ones(2);
            result = (temporary * 3).MoveToOuterDisposeScope();
            Assert.Equal(1, inner.Count);
        }
        Assert.True(temporary.IsInvalid);
        Assert.False(result.IsInvalid);
        Assert.Equal([3f, 3], result.data<float>().ToArray());
        Assert.Equal(1, outer.Count);
        outer.Dispose();
        Assert.True(result.IsInvalid);
    }

    [Fact]
    public void MoveToOuterDisposeScopeFromTheOutermostScopeDetaches()
    {
        Tensor survivor;
        using (NewDisposeScope()) survivor = ones(2).MoveToOuterDisposeScope();
        Assert.False(survivor.IsInvalid);
        survivor.Dispose();
        Assert.True(survivor.IsInvalid);
    }

    [Fact]
    public void DetachFromDisposeScopeLeavesDisposalToTheCaller()
    {
        Tensor detached;
        using (var scope = NewDisposeScope())
        {
            detached = ones(2).DetachFromDisposeScope();
            Assert.Equal(0, scope.Count);
        }
        Assert.False(detached.IsInvalid);
        detached.Dispose();
        Assert.True(detached.IsInvalid);
    }

    [Fact]
    public void DisposeEverythingButKeepsTheNamedTensors()
    {
        using var scope = NewDisposeScope();
        var a = ones(2);
        var b = zeros(2);
        var c = a + b;
        scope.DisposeEverythingBut(c);
        Assert.True(a.IsInvalid);
        Assert.True(b.IsInvalid);
        Assert.False(c.IsInvalid);
        Assert.Equal(1, scope.Count);
        var d = c * 2;
        Assert.Equal(2, scope.Count);
        Assert.False(d.IsInvalid);
    }

    [Fact]
    public void ADisposedTensorLeavesItsScope()
    {
        using var scope = NewDisposeScope();
        var a = ones(2);
        a.Dispose();
        a.Dispose();
        Assert.Equal(0, scope.Count);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Forget(int count)
    {
        for (var i = 0; i < count; i++) _ = ones(100);
    }

    [Fact]
    public void TheFinalizerFreesForgottenTensors()
    {
        CollectGarbage();
        var before = LiveTensorCount;
        Forget(50);
        Assert.Equal(before + 50, LiveTensorCount);
        CollectGarbage();
        Assert.Equal(before, LiveTensorCount);
    }

    /// <summary>Page faults this process has taken without reading from disk (field 10 of /proc/self/stat).</summary>
    private static long MinorPageFaults()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        return long.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[7]);
    }

    [Fact]
    public void FreedTensorMemoryIsReusedWithoutFaultingItInAgain()
    {
        // A training step in miniature: a dozen 4 MiB activations live at once, then all freed. Were the
        // freed memory given back to the system, every round would fault its 12,288 pages in again.
        const int rounds = 10, activations = 12;
        const long floats = 1L << 20;
        void Step(int round)
        {
            using var scope = NewDisposeScope();
            for (var i = 0; i < activations; i++) empty(floats).fill_(round);
        }
        Step(0);
        CollectGarbage();
        Assert.True(kept_memory_bytes >= activations * floats * sizeof(float), $"kept {kept_memory_bytes} bytes");
        var before = MinorPageFaults();
        for (var round = 1; round <= rounds; round++) Step(round);
        var faults = MinorPageFaults() - before;
        Assert.True(faults < rounds * activations * 1024 / 10,
                    $"{faults} page faults over {rounds} rounds of {activations} tensors of 4 MiB (pages: {rounds * activations * 1024})");
    }

    [Fact]
    public void ReusedMemoryStartsAfreshAndCanBeGivenBack()
    {
        using (var used = full([1L << 20], 7.0f)) Assert.Equal(7.0f * (1 << 20), used.sum().item<float>());
        Assert.True(kept_memory_bytes >= 4L << 20);

        using (var fresh = zeros(1L << 20)) Assert.Equal(0.0f, fresh.abs().max().item<float>());
        release_kept_memory();

        Assert.Equal(0, kept_memory_bytes);
    }
}
