using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Helpers;

/// <summary>One parameter's update: <c>Apply(start, count)</c> updates elements [start, start + count).</summary>
internal sealed record FusedUpdate(long Count, Action<long, long> Apply);

/// <summary>What the fused optimizers share: which parameters a step updates, and whether it can run fused.</summary>
internal static class FusedStep
{
    /// <summary>
    /// The parameters with a gradient, each with its group and gradient (in the caller's dispose scope); null when
    /// the step must be TorchSharp's own: an option the fused update does not do, or a tensor not in CPU float32
    /// memory.
    /// </summary>
    private static List<(ParamGroup Group, Parameter Parameter, Tensor Gradient)>? Collect(
        IEnumerable<ParamGroup> groups, Func<ParamGroup, bool> needsPlainStep)
    {
        if (!FloatMemory.IsAvailable) return null;
        var work = new List<(ParamGroup, Parameter, Tensor)>();
        foreach (var group in groups)
        {
            if (needsPlainStep(group)) return null;
            foreach (var parameter in group.Parameters)
            {
                if (parameter.grad is not { } gradient) continue;
                if (!FloatMemory.IsFlatCpuFloat(parameter) || !FloatMemory.IsFlatCpuFloat(gradient)) return null;
                work.Add((group, parameter, gradient));
            }
        }
        return work;
    }

    /// <summary>
    /// What the fused optimizers' <c>zero_grad()</c> does: every parameter's gradient is dropped, as PyTorch 2's
    /// <c>zero_grad(set_to_none=True)</c> does by default, so that the next backward pass hands its fresh gradient to
    /// the parameter instead of adding it to zeros (two passes over the gradients' memory and a call per parameter
    /// fewer). The next step's numbers are the same as after TorchSharp's zeroing in place.
    /// </summary>
    public static void DropGradients(IEnumerable<ParamGroup> groups)
    {
        foreach (var group in groups)
            foreach (var parameter in group.Parameters)
                parameter.grad = null;
    }

    /// <summary>Below this many elements in all, a step runs on the calling thread alone.</summary>
    private const long ParallelThreshold = 1 << 17;

    /// <summary>Elements per piece of work when the step is split between threads (a multiple of every SIMD width).</summary>
    private const long Piece = 1 << 15;

    /// <summary>
    /// Threads a step's update may use: one, or the <c>HELPERS_FUSED_THREADS</c> environment variable's value where
    /// it is set. One is the default because libtorch's own threads keep spinning for a while after each of its
    /// operations: a second .NET thread then competes with them for the cores. Measured on 2 cores (2026-12-02, 40
    /// steps): the dense VAE's Adam pass took 1.5-1.9 ms on one thread and 3.2-3.4 ms split between two, the whole
    /// step 6.0-6.6 ms against 7.8-8.7; the Fashion-MNIST VAE's RMSprop 0.6-0.7 ms against 0.9-1.0.
    /// </summary>
    public static int Threads =>
        int.TryParse(Environment.GetEnvironmentVariable("HELPERS_FUSED_THREADS"), out var threads) && threads > 0
            ? threads
            : 1;

    /// <summary>
    /// Applies every update, split into pieces shared by <see cref="Threads"/> threads when there is enough work.
    /// Each element is computed the same way whichever thread and piece it falls in, so the result does not
    /// depend on the split.
    /// </summary>
    public static void Run(List<FusedUpdate> updates)
    {
        var threads = Threads;
        if (threads == 1 || updates.Sum(u => u.Count) < ParallelThreshold)
        {
            foreach (var update in updates) update.Apply(0, update.Count);
            return;
        }
        var pieces = new List<(FusedUpdate Update, long Start, long Count)>();
        foreach (var update in updates)
            for (long start = 0; start < update.Count; start += Piece)
                pieces.Add((update, start, Math.Min(Piece, update.Count - start)));
        Parallel.For(0, pieces.Count, new ParallelOptions { MaxDegreeOfParallelism = threads },
                     i => pieces[i].Update.Apply(pieces[i].Start, pieces[i].Count));
    }

    /// <summary>
    /// The step both fused optimizers take: TorchSharp's own (<paramref name="plainStep"/>) where
    /// <see cref="Collect"/> says so; otherwise the closure, a check of every parameter's state before anything
    /// changes (a step is done whole or not at all), and the updates <paramref name="update"/> makes, run by
    /// <see cref="Run"/>. Returns the loss (outside the step's dispose scope) and whether the step ran fused.
    /// </summary>
    /// <param name="stateOf">The optimizer's state tensors of a parameter, which must match it element for element.</param>
    /// <param name="update">Advances a parameter's step count and returns its update.</param>
    public static (Tensor Loss, bool Fused) Step(
        IEnumerable<ParamGroup> groups, Func<ParamGroup, bool> needsPlainStep, Func<Func<Tensor>?, Tensor> plainStep,
        Func<Tensor>? closure, Func<Parameter, Tensor[]> stateOf, Func<ParamGroup, Parameter, Tensor, FusedUpdate> update)
    {
        using var scope = NewDisposeScope();
        var work = Collect(groups, needsPlainStep);
        if (work is null) return (Outer(scope, plainStep(closure)), false);
        var loss = Closure(closure);
        foreach (var (_, parameter, gradient) in work) Check(parameter, gradient, stateOf(parameter));
        Run(work.Select(w => update(w.Group, w.Parameter, w.Gradient)).ToList());
        return (Outer(scope, loss), true);
    }

    /// <summary>Runs the closure, if any, with gradients on, as TorchSharp's optimizers do.</summary>
    private static Tensor? Closure(Func<Tensor>? closure)
    {
        if (closure is null) return null;
        using var _ = enable_grad();
        return closure();
    }

    /// <summary>The closure's loss (null without a closure), moved out of the step's dispose scope.</summary>
    private static Tensor Outer(DisposeScope scope, Tensor? loss) => loss is null ? null! : scope.MoveToOuter(loss);

    /// <summary>The optimizer's state tensors must match the parameter element for element.</summary>
    private static void Check(Parameter parameter, Tensor gradient, params Tensor[] state)
    {
        var count = parameter.numel();
        if (gradient.numel() != count)
            throw new InvalidOperationException(
                $"a gradient of shape [{string.Join(", ", gradient.shape)}] for a parameter of shape [{string.Join(", ", parameter.shape)}]");
        foreach (var tensor in state)
            if (!FloatMemory.IsFlatCpuFloat(tensor) || tensor.numel() != count)
                throw new InvalidOperationException(
                    $"optimizer state of shape [{string.Join(", ", tensor.shape)}] ({tensor.dtype} on {tensor.device}) for a parameter of shape [{string.Join(", ", parameter.shape)}]; expected the parameter's shape in float32 on the CPU");
    }
}
