using TorchSharp;
using static TorchSharp.torch;

namespace Helpers;

/// <summary>Runs a model over many images a slice at a time, so a whole test set fits in memory.</summary>
public static class Inference
{
    /// <summary>
    /// <paramref name="f"/> applied to <paramref name="inputs"/> in slices of <paramref name="batchSize"/> rows
    /// (moved to <paramref name="device"/>), without gradients; the results joined on the CPU.
    /// </summary>
    public static Tensor InBatches(Func<Tensor, Tensor> f, Tensor inputs, int batchSize = 500, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (inputs.ndim < 1 || inputs.shape[0] == 0)
            throw new ArgumentException($"inputs must have shape [N, ...] with N > 0, got [{string.Join(", ", inputs.shape)}]", nameof(inputs));
        using var noGrad = no_grad();
        var parts = new List<Tensor>();
        try
        {
            for (long start = 0; start < inputs.shape[0]; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var slice = inputs.narrow(0, start, Math.Min(batchSize, inputs.shape[0] - start));
                parts.Add(f(device is null ? slice : slice.to(device)).cpu().DetachFromDisposeScope());
            }
            return cat(parts, 0);
        }
        finally
        {
            foreach (var part in parts) part.Dispose();
        }
    }
}
