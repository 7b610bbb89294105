namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Weight initialisers (https://pytorch.org/docs/1.13/nn.init.html). Each fills the tensor in place without
        /// recording gradients and returns it.
        /// </summary>
        public static class init
        {
            public enum FanInOut { FanIn, FanOut }

            public enum NonlinearityType
            {
                Linear, Conv1D, Conv2D, Conv3D, ConvTranspose1D, ConvTranspose2D, ConvTranspose3D, Sigmoid, Tanh, ReLU, LeakyReLU,
            }

            /// <summary>The gain PyTorch recommends for a nonlinearity; <paramref name="param"/> is leaky ReLU's slope (default 0.01).</summary>
            public static double calculate_gain(NonlinearityType nonlinearity, double? param = null) => nonlinearity switch
            {
                NonlinearityType.Tanh => 5.0 / 3,
                NonlinearityType.ReLU => Math.Sqrt(2.0),
                NonlinearityType.LeakyReLU => Math.Sqrt(2.0 / (1 + Math.Pow(param ?? 0.01, 2))),
                _ => 1.0,
            };

            public static Tensor uniform_(Tensor tensor, double low = 0, double high = 1) => Fill(tensor, t => t.uniform_(low, high));

            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1) => Fill(tensor, t => t.normal_(mean, std));

            public static Tensor zeros_(Tensor tensor) => Fill(tensor, t => t.zero_());

            public static Tensor ones_(Tensor tensor) => Fill(tensor, t => t.fill_(1));

            public static Tensor constant_(Tensor tensor, Scalar val) => Fill(tensor, t => t.fill_(val));

            /// <summary>Glorot &amp; Bengio (2010): U(±gain·√(6 / (fan_in + fan_out))).</summary>
            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1.0)
            {
                var bound = Math.Sqrt(3.0) * XavierStd(tensor, gain);
                return uniform_(tensor, -bound, bound);
            }

            public static Tensor glorot_uniform_(Tensor tensor, double gain = 1.0) => xavier_uniform_(tensor, gain);

            /// <summary>Glorot &amp; Bengio (2010): N(0, gain²·2 / (fan_in + fan_out)).</summary>
            public static Tensor xavier_normal_(Tensor tensor, double gain = 1.0) => normal_(tensor, 0, XavierStd(tensor, gain));

            public static Tensor glorot_normal_(Tensor tensor, double gain = 1.0) => xavier_normal_(tensor, gain);

            /// <summary>He et al. (2015): U(±gain·√(3 / fan)), gain from the nonlinearity and its slope <paramref name="a"/>.</summary>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn,
                                                  NonlinearityType nonlinearity = NonlinearityType.LeakyReLU)
            {
                var bound = Math.Sqrt(3.0) * KaimingStd(tensor, a, mode, nonlinearity);
                return uniform_(tensor, -bound, bound);
            }

            /// <summary>He et al. (2015): N(0, gain² / fan).</summary>
            public static Tensor kaiming_normal_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn,
                                                 NonlinearityType nonlinearity = NonlinearityType.LeakyReLU) =>
                normal_(tensor, 0, KaimingStd(tensor, a, mode, nonlinearity));

            /// <summary>
            /// PyTorch's default for Linear and convolution layers: kaiming_uniform_(a = √5), i.e. U(±1/√fan_in),
            /// and a bias drawn from U(±1/√fan_in). For transposed convolutions fan_in comes from weight dimension 1
            /// (out_channels / groups), exactly as PyTorch computes it.
            /// </summary>
            internal static void reset_layer(Tensor weight, Tensor? bias)
            {
                kaiming_uniform_(weight, Math.Sqrt(5));
                if (bias is null) return;
                var (fanIn, _) = Fans(weight);
                var bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
                uniform_(bias, -bound, bound);
            }

            private static Tensor Fill(Tensor tensor, Func<Tensor, Tensor> fill)
            {
                using (no_grad()) fill(tensor);
                return tensor;
            }

            private static double XavierStd(Tensor tensor, double gain)
            {
                var (fanIn, fanOut) = Fans(tensor);
                return gain * Math.Sqrt(2.0 / (fanIn + fanOut));
            }

            private static double KaimingStd(Tensor tensor, double a, FanInOut mode, NonlinearityType nonlinearity)
            {
                var (fanIn, fanOut) = Fans(tensor);
                return calculate_gain(nonlinearity, a) / Math.Sqrt(mode == FanInOut.FanIn ? fanIn : fanOut);
            }

            // fan_in = size(1) * receptive field, fan_out = size(0) * receptive field, as in PyTorch.
            private static (long fanIn, long fanOut) Fans(Tensor tensor)
            {
                var shape = tensor.shape;
                if (shape.Length < 2)
                    throw new ArgumentException($"fan in and fan out need a tensor with at least 2 dimensions, got shape {Tensor.ShapeString(shape)}", nameof(tensor));
                var receptive = shape.Skip(2).Aggregate(1L, (a, b) => a * b);
                return (shape[1] * receptive, shape[0] * receptive);
            }
        }
    }
}
