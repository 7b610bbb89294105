using TorchSharp;
using static TorchSharp.torch;

namespace Helpers;

/// <summary>Losses the chapters train with, computed faster than libtorch computes them on a CPU, to the same numbers.</summary>
public static class Losses
{
    // The numbers the operations take, made once: a Scalar made for one call is freed by its finalizer, which can run
    // while libtorch still reads it (a TorchSharp 0.107 defect, see the README).
    private static readonly Scalar One = 1, LogFloor = -100, Guard = 1e-12f;

    /// <summary>
    /// The mean binary cross-entropy of <paramref name="probabilities"/> against <paramref name="target"/>, as
    /// <c>nn.functional.binary_cross_entropy(probabilities, target)</c> computes it: −[t log p + (1 − t) log(1 − p)]
    /// per element, each logarithm held at −100 or above, averaged over all elements; and its gradient by the same
    /// formula as libtorch's, (p − t) / max((1 − p) p, 1e-12) / N.
    /// <para>
    /// Why: libtorch 2.10's CPU kernel takes both logarithms one element at a time, so on a batch of 128 Fashion-MNIST
    /// images (100,352 pixels) its forward and backward passes took 1.6 ms, a third of that VAE's whole training step,
    /// where libtorch's vectorised <c>log</c> and <c>log1p</c> take 30-60 µs each. Here the loss is made of those
    /// operations and the gradient of five more, in one node of the autograd graph: 0.55 ms (2026-12-02, 2 threads).
    /// The values agree with libtorch's within float32 rounding (the tests compare loss and gradient).
    /// </para>
    /// <para>
    /// As libtorch's does, it refuses a probability outside [0, 1] or NaN, and a NaN target; it finds them from the
    /// loss (a NaN mean), which it reads once: a training loop reads it anyway. (libtorch also refuses a target
    /// outside [0, 1]; here such a target is used in the formula as it stands.)
    /// </para>
    /// </summary>
    /// <exception cref="ArgumentException">The shapes differ, a probability is outside [0, 1] or NaN, or a target is NaN.</exception>
    public static Tensor BinaryCrossEntropy(Tensor probabilities, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(target);
        if (!probabilities.shape.SequenceEqual(target.shape))
            throw new ArgumentException(
                $"BinaryCrossEntropy: the target's shape [{string.Join(", ", target.shape)}] differs from the probabilities' "
                + $"[{string.Join(", ", probabilities.shape)}]; they must be the same.", nameof(target));
        var tracked = is_grad_enabled() && probabilities.requires_grad;
        // A target that itself needs a gradient is rare (none of the chapters has one): libtorch's loss gives it one.
        if (is_grad_enabled() && target.requires_grad) return nn.functional.binary_cross_entropy(probabilities, target);
        var loss = tracked ? MeanBinaryCrossEntropy.apply(probabilities, target) : Mean(probabilities, target);
        using var isNaN = loss.isnan();
        if (isNaN.item<bool>())
        {
            using var _ = loss;
            throw new ArgumentException(OutOfRange(probabilities, target), nameof(probabilities));
        }
        return loss;
    }

    /// <summary>The mean cross-entropy, out of libtorch's vectorised operations (no autograd graph of its own).</summary>
    private static Tensor Mean(Tensor probabilities, Tensor target)
    {
        using var terms = LogLikelihoods(probabilities, target);
        return terms.mean().neg_();
    }

    /// <summary>
    /// Each element's Bernoulli log-likelihood, t log p + (1 − t) log(1 − p) with each logarithm held at −100 or above:
    /// minus what <c>binary_cross_entropy(p, t, reduction: None)</c> gives, out of vectorised operations. The
    /// yardsticks sum it per image.
    /// </summary>
    internal static Tensor LogLikelihoods(Tensor probabilities, Tensor target)
    {
        using var scope = NewDisposeScope();
        var logP = probabilities.log().clamp_min_(LogFloor);
        var logOneMinusP = probabilities.neg().log1p_().clamp_min_(LogFloor);
        // (1 − t) log(1 − p) + t log p in one pass.
        return scope.MoveToOuter(logOneMinusP.lerp_(logP, target));
    }

    private static string OutOfRange(Tensor probabilities, Tensor target)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        string Describe(Tensor values, string name)
        {
            var nan = values.isnan().sum().item<long>();
            var numbers = values.nan_to_num(0.5);
            return $"{name} from {numbers.min().item<float>()} to {numbers.max().item<float>()}" + (nan > 0 ? $", {nan} NaN" : "");
        }
        return "BinaryCrossEntropy: every probability and every target must be a number from 0 to 1; found "
               + $"{Describe(probabilities, "probabilities")} and {Describe(target, "targets")} "
               + $"(shape [{string.Join(", ", probabilities.shape)}]).";
    }

    /// <summary>The loss as one node of the autograd graph: the gradient is computed from p and t directly.</summary>
    private sealed class MeanBinaryCrossEntropy : autograd.SingleTensorFunction<MeanBinaryCrossEntropy>
    {
        public override string Name => nameof(MeanBinaryCrossEntropy);

        public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
        {
            var (probabilities, target) = ((Tensor)vars[0], (Tensor)vars[1]);
            ctx.save_for_backward([probabilities, target]);
            return Mean(probabilities, target);
        }

        public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor gradOutput)
        {
            using var scope = NewDisposeScope();
            var saved = ctx.get_saved_variables();
            var (p, t) = (saved[0], saved[1]);
            // (1 − p) p as libtorch computes it (p − p² would lose the digits of 1 − p for p near 1), and its guard
            // against 0, which libtorch keeps as the float 1e-12 (9.99999996e-13 in a double).
            var spread = (One - p).mul_(p).clamp_min_(Guard);
            using Scalar count = p.numel();
            var gradient = (p - t).div_(spread).mul_(gradOutput.div(count));
            return [scope.MoveToOuter(gradient), null!];
        }
    }
}
