using Bench.Models;
using static TorchSharp.torch;

namespace Bench;

/// <summary>
/// `--compare MODEL`: two copies of one model with the same weights, one trained with TorchSharp's optimizer and one
/// with the helpers' fused one, in lockstep on the same batch and the same random draws; prints both losses and the
/// weights' largest relative difference as the steps go. Not a timing: a check that the fused update trains alike.
/// </summary>
internal static class Compare
{
    /// <param name="baseline">Instead, both copies use TorchSharp's optimizer and the second starts with its weights
    /// changed by one part in 10^7 (a float32 rounding): how fast this model's training itself amplifies rounding.</param>
    public static int Run(string modelName, int steps, int threads, bool baseline)
    {
        var create = BenchModel.Find(modelName) ?? throw new ArgumentException($"unknown model '{modelName}'");
        set_num_threads(threads);
        manual_seed(0);
        Optimizers.UseTorchSharps = true;
        using var plain = create();
        Optimizers.UseTorchSharps = baseline;
        using var fused = create();
        fused.CopyWeightsFrom(plain, baseline ? 1 + 1e-7 : 1);
        using var x = rand(plain.InputShape);
        Console.WriteLine("step  loss TorchSharp  loss fused  largest relative weight difference");
        for (var step = 1; step <= steps; step++)
        {
            manual_seed(step);
            var a = plain.Step(x);
            manual_seed(step);
            var b = fused.Step(x);
            if (step == 1 || step % 25 == 0 || !float.IsFinite(a) || !float.IsFinite(b))
                Console.WriteLine($"{step,4}  {a,15:F4}  {b,10:F4}  {fused.RelativeDifference(plain):E2}");
            if (!float.IsFinite(a) || !float.IsFinite(b)) return 1;
        }
        return 0;
    }
}
