using TorchSharp.Interop;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        // https://pytorch.org/docs/1.13/nn.functional.html#convolution-functions
        public static partial class functional
        {
            /// <summary>y = x Wᵀ + b, with weight of shape [out, in].</summary>
            public static Tensor linear(Tensor input, Tensor weight, Tensor? bias = null) =>
                Native.Tensor(NativeMethods.ts_linear(input.Handle, weight.Handle, bias?.Handle ?? IntPtr.Zero));

            /// <summary>2-D convolution of [N, C, H, W] input with weight [out, in/groups, kh, kw]; pairs may be given as one value.</summary>
            public static unsafe Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null,
                                               long[]? padding = null, long[]? dilation = null, long groups = 1)
            {
                var (s, p, d) = (Pair(strides, 1, nameof(strides)), Pair(padding, 0, nameof(padding)), Pair(dilation, 1, nameof(dilation)));
                fixed (long* ps = s, pp = p, pd = d)
                    return Native.Tensor(NativeMethods.ts_conv2d(input.Handle, weight.Handle, bias?.Handle ?? IntPtr.Zero, ps, pp, pd, groups));
            }

            /// <summary>
            /// Transposed 2-D convolution with weight [in, out/groups, kh, kw]. Output size per dimension:
            /// (in - 1) * stride - 2 * padding + dilation * (kernel - 1) + output_padding + 1.
            /// </summary>
            public static unsafe Tensor conv_transpose2d(Tensor input, Tensor weight, Tensor? bias = null, long[]? stride = null,
                                                         long[]? padding = null, long[]? output_padding = null, long groups = 1,
                                                         long[]? dilation = null)
            {
                var (s, p, o, d) = (Pair(stride, 1, nameof(stride)), Pair(padding, 0, nameof(padding)),
                                    Pair(output_padding, 0, nameof(output_padding)), Pair(dilation, 1, nameof(dilation)));
                fixed (long* ps = s, pp = p, po = o, pd = d)
                    return Native.Tensor(NativeMethods.ts_conv_transpose2d(input.Handle, weight.Handle, bias?.Handle ?? IntPtr.Zero, ps, pp, po, groups, pd));
            }

            /// <summary>
            /// One of conv_transpose2d's two CPU computations, chosen by the caller: libtorch's own transposed
            /// convolution, or the input-gradient of an ordinary convolution (what conv_transpose2d uses where it is faster).
            /// For the tests that hold the two equal.
            /// </summary>
            internal static unsafe Tensor conv_transpose2d_path(bool viaConvolution, Tensor input, Tensor weight, Tensor? bias = null,
                                                                long[]? stride = null, long[]? padding = null,
                                                                long[]? output_padding = null, long groups = 1, long[]? dilation = null)
            {
                var (s, p, o, d) = (Pair(stride, 1, nameof(stride)), Pair(padding, 0, nameof(padding)),
                                    Pair(output_padding, 0, nameof(output_padding)), Pair(dilation, 1, nameof(dilation)));
                fixed (long* ps = s, pp = p, po = o, pd = d)
                    return Native.Tensor(NativeMethods.ts_conv_transpose2d_path(input.Handle, weight.Handle, bias?.Handle ?? IntPtr.Zero,
                                                                                 ps, pp, po, groups, pd, (sbyte)(viaConvolution ? 1 : 0)));
            }
        }
    }
}
