using TorchSharp.Interop;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        // https://pytorch.org/docs/1.13/nn.functional.html#non-linear-activation-functions
        public static partial class functional
        {
            // With inplace the input itself is overwritten and a new handle to it returned, so a caller may
            // dispose the result as it would any other (Sequential does). relu and selu keep a one-argument
            // overload so that they still convert to Func<Tensor, Tensor>.

            public static Tensor relu(Tensor input) => input.relu();

            public static Tensor relu(Tensor input, bool inplace) => inplace ? input.relu_().alias() : input.relu();

            public static Tensor leaky_relu(Tensor input, double negative_slope = 0.01, bool inplace = false) =>
                inplace ? input.leaky_relu_(negative_slope).alias() : input.leaky_relu(negative_slope);

            /// <summary>Scaled ELU with the fixed constants of Klambauer et al. (2017).</summary>
            public static Tensor selu(Tensor input) => input.selu();

            public static Tensor selu(Tensor input, bool inplace) => inplace ? input.selu_().alias() : input.selu();

            public static Tensor elu(Tensor input, double alpha = 1.0) => Native.Tensor(NativeMethods.ts_elu(input.Handle, alpha));

            public static Tensor gelu(Tensor input) => Native.Tensor(NativeMethods.ts_gelu(input.Handle));

            /// <summary>log(1 + exp(beta x)) / beta, linear above <paramref name="threshold"/> for stability.</summary>
            public static Tensor softplus(Tensor input, double beta = 1.0, double threshold = 20.0) => input.softplus(beta, threshold);

            public static Tensor sigmoid(Tensor input) => input.sigmoid();

            public static Tensor tanh(Tensor input) => input.tanh();

            public static Tensor softmax(Tensor input, long dim) => input.softmax(dim);

            public static Tensor log_softmax(Tensor input, long dim) => input.log_softmax(dim);

            /// <summary>Zeroes elements with probability p and scales the rest by 1/(1-p) while training; identity otherwise.</summary>
            public static Tensor dropout(Tensor input, double p = 0.5, bool training = true)
            {
                if (p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability must be in [0, 1]");
                return Native.Tensor(NativeMethods.ts_dropout(input.Handle, p, Native.Flag(training)));
            }
        }
    }
}
