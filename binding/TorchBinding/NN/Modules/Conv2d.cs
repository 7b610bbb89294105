using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>
    /// 2-D convolution over [N, C, H, W] with weight [out, in/groups, kh, kw], initialised like PyTorch.
    /// Padding.Same follows Keras/TensorFlow for every stride: the output is ceil(input / stride) and the total
    /// padding max((out - 1) * stride + dilation * (kernel - 1) + 1 - input, 0) is split with the odd pixel at the
    /// bottom/right (PyTorch's own padding="same" only allows stride 1). Uneven padding is applied as a separate
    /// constant pad before the convolution. A padding_mode other than Zeros fills the border from the input
    /// (reflected, replicated or wrapped around, as PyTorch's Conv2d does) by padding before the convolution.
    /// </summary>
    public sealed class Conv2d : nn.Module<Tensor, Tensor>
    {
        private readonly long[] kernel, stride, dilation, padding;
        private readonly Padding? named;

        internal Conv2d(long in_channels, long out_channels, long[] kernel_size, long[] stride, long[] padding, Padding? named,
                        long[] dilation, PaddingModes padding_mode, long groups, bool bias, Device? device, ScalarType? dtype)
            : base(nameof(Conv2d))
        {
            CheckGroups(in_channels, out_channels, groups);
            if (padding_mode is not (PaddingModes.Zeros or PaddingModes.Reflect or PaddingModes.Replicate or PaddingModes.Circular))
                throw new ArgumentException($"padding_mode must be Zeros, Reflect, Replicate or Circular, got {padding_mode}", nameof(padding_mode));
            (this.in_channels, this.out_channels, this.groups, this.padding_mode) = (in_channels, out_channels, groups, padding_mode);
            (kernel, this.stride, this.padding, this.named, this.dilation) = (kernel_size, stride, padding, named, dilation);
            weight = nn.EmptyParameter([out_channels, in_channels / groups, kernel[0], kernel[1]], device, dtype);
            this.bias = bias ? nn.EmptyParameter([out_channels], device, dtype) : null;
            nn.init.reset_layer(weight, this.bias);
            RegisterComponents();
        }

        internal static void CheckGroups(long in_channels, long out_channels, long groups)
        {
            if (groups < 1 || in_channels % groups != 0 || out_channels % groups != 0)
                throw new ArgumentException($"groups = {groups} must divide in_channels = {in_channels} and out_channels = {out_channels}", nameof(groups));
        }

        public long in_channels { get; }
        public long out_channels { get; }
        public long groups { get; }
        public PaddingModes padding_mode { get; }
        public Parameter weight { get; }
        public Parameter? bias { get; }

        public override Tensor forward(Tensor input)
        {
            var ((top, bottom), (left, right)) = named == Padding.Same
                ? (SamePadding(input.size(-2), 0), SamePadding(input.size(-1), 1))
                : ((padding[0], padding[0]), (padding[1], padding[1]));
            // The convolution pads evenly with zeros itself; anything else is padded first.
            if (top == bottom && left == right && (padding_mode == PaddingModes.Zeros || top == 0 && left == 0))
                return Convolve(input, [top, left]);
            using var padded = nn.functional.pad(input, [left, right, top, bottom], padding_mode);
            return Convolve(padded, [0, 0]);
        }

        private Tensor Convolve(Tensor input, long[] pad) =>
            nn.functional.conv2d(input, weight, bias, stride, pad, dilation, groups);

        private (long before, long after) SamePadding(long size, int dim)
        {
            var output = (size + stride[dim] - 1) / stride[dim];
            var total = Math.Max((output - 1) * stride[dim] + dilation[dim] * (kernel[dim] - 1) + 1 - size, 0);
            return (total / 2, total - total / 2);
        }
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>https://pytorch.org/docs/1.13/generated/torch.nn.Conv2d.html</summary>
            public static Modules.Conv2d Conv2d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0,
                                                long dilation = 1, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1,
                                                bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, [kernel_size, kernel_size], [stride, stride], [padding, padding], null,
                    [dilation, dilation], padding_mode, groups, bias, device, dtype);

            /// <summary>Conv2d with named padding, e.g. <c>nn.Conv2d(32, 64, 3, Padding.Same, stride: 2)</c> (see <see cref="Modules.Conv2d"/>).</summary>
            public static Modules.Conv2d Conv2d(long in_channels, long out_channels, long kernel_size, Padding padding, long stride = 1,
                                                long dilation = 1, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1,
                                                bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, [kernel_size, kernel_size], [stride, stride], [0, 0], padding,
                    [dilation, dilation], padding_mode, groups, bias, device, dtype);

            public static Modules.Conv2d Conv2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long)? stride = null,
                                                (long, long)? padding = null, (long, long)? dilation = null,
                                                PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true,
                                                Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, Pair(kernel_size), Pair(stride ?? (1, 1)), Pair(padding ?? (0, 0)), null,
                    Pair(dilation ?? (1, 1)), padding_mode, groups, bias, device, dtype);

            public static Modules.Conv2d Conv2d(long in_channels, long out_channels, (long, long) kernel_size, Padding padding,
                                                (long, long)? stride = null, (long, long)? dilation = null,
                                                PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true,
                                                Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, Pair(kernel_size), Pair(stride ?? (1, 1)), [0, 0], padding,
                    Pair(dilation ?? (1, 1)), padding_mode, groups, bias, device, dtype);

            internal static long[] Pair((long, long) value) => [value.Item1, value.Item2];
        }
    }
}
