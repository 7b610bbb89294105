using TorchSharp.Interop;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        // https://pytorch.org/docs/1.13/nn.functional.html#pooling-functions
        public static partial class functional
        {
            /// <summary>Max pooling over [N, C, H, W]; stride defaults to the kernel size.</summary>
            public static unsafe Tensor max_pool2d(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null,
                                                   long[]? dilation = null, bool ceil_mode = false)
            {
                var k = Pair(kernel_size, 0, nameof(kernel_size));
                var s = stride is null ? k : Pair(stride, 0, nameof(stride));
                var (p, d) = (Pair(padding, 0, nameof(padding)), Pair(dilation, 1, nameof(dilation)));
                fixed (long* pk = k, ps = s, pp = p, pd = d)
                    return Native.Tensor(NativeMethods.ts_max_pool2d(input.Handle, pk, ps, pp, pd, Native.Flag(ceil_mode)));
            }

            /// <summary>Average pooling over [N, C, H, W]; stride defaults to the kernel size.</summary>
            public static unsafe Tensor avg_pool2d(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null)
            {
                var k = Pair(kernel_size, 0, nameof(kernel_size));
                var s = stride is null ? k : Pair(stride, 0, nameof(stride));
                var p = Pair(padding, 0, nameof(padding));
                fixed (long* pk = k, ps = s, pp = p)
                    return Native.Tensor(NativeMethods.ts_avg_pool2d(input.Handle, pk, ps, pp));
            }
        }
    }
}
