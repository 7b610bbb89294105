using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>Max pooling over [N, C, H, W]; the stride defaults to the kernel size.</summary>
    public sealed class MaxPool2d : nn.Module<Tensor, Tensor>
    {
        private readonly long[] kernel_size, stride, padding, dilation;
        private readonly bool ceil_mode;

        internal MaxPool2d(long[] kernel_size, long[]? stride, long[] padding, long[] dilation, bool ceil_mode) : base(nameof(MaxPool2d))
        {
            (this.kernel_size, this.stride, this.padding, this.dilation, this.ceil_mode) =
                (kernel_size, stride ?? kernel_size, padding, dilation, ceil_mode);
        }

        public override Tensor forward(Tensor input) =>
            nn.functional.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode);
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>https://pytorch.org/docs/1.13/generated/torch.nn.MaxPool2d.html</summary>
            public static Modules.MaxPool2d MaxPool2d(long kernel_size, long? stride = null, long? padding = null, long? dilation = null,
                                                      bool ceil_mode = false) =>
                new([kernel_size, kernel_size], stride is null ? null : [stride.Value, stride.Value], [padding ?? 0, padding ?? 0],
                    [dilation ?? 1, dilation ?? 1], ceil_mode);

            public static Modules.MaxPool2d MaxPool2d((long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null,
                                                      (long, long)? dilation = null, bool ceil_mode = false) =>
                new(Pair(kernel_size), stride is null ? null : Pair(stride.Value), Pair(padding ?? (0, 0)), Pair(dilation ?? (1, 1)), ceil_mode);
        }
    }
}
