using TorchSharp.Interop;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>How a loss combines its per-element values; the numbers are libtorch's.</summary>
        public enum Reduction : long
        {
            None = 0,
            Mean = 1,
            Sum = 2,
        }

        // https://pytorch.org/docs/1.13/nn.functional.html#loss-functions
        public static partial class functional
        {
            /// <summary>-w (t log p + (1 - t) log(1 - p)) for probabilities p; libtorch clamps the logs at -100.</summary>
            public static Tensor binary_cross_entropy(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean) =>
                Native.Tensor(NativeMethods.ts_binary_cross_entropy(input.Handle, target.Handle, weight?.Handle ?? IntPtr.Zero, (long)reduction));

            /// <summary>libtorch's own computation (fused: false) or the shim's one-pass loop, for the tests that hold them equal.</summary>
            internal static Tensor binary_cross_entropy_path(bool fused, Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                Native.Tensor(NativeMethods.ts_binary_cross_entropy_path(input.Handle, target.Handle, (long)reduction, Native.Flag(fused)));

            /// <summary>Binary cross-entropy of sigmoid(input), computed stably from the logits.</summary>
            public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null,
                                                                  Reduction reduction = Reduction.Mean, Tensor? pos_weights = null) =>
                Native.Tensor(NativeMethods.ts_binary_cross_entropy_with_logits(input.Handle, target.Handle, weight?.Handle ?? IntPtr.Zero,
                                                                                pos_weights?.Handle ?? IntPtr.Zero, (long)reduction));

            public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                Native.Tensor(NativeMethods.ts_mse_loss(input.Handle, target.Handle, (long)reduction));

            public static Tensor l1_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                Native.Tensor(NativeMethods.ts_l1_loss(input.Handle, target.Handle, (long)reduction));

            /// <summary>Negative log-likelihood of class indices <paramref name="target"/> under log-probabilities <paramref name="input"/>.</summary>
            public static Tensor nll_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                Native.Tensor(NativeMethods.ts_nll_loss(input.Handle, target.Handle, (long)reduction));
        }
    }
}
