using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>
    /// Transposed 2-D convolution with weight [in, out/groups, kh, kw], initialised like PyTorch. Output size per
    /// dimension: (input - 1) * stride - 2 * padding + dilation * (kernel - 1) + output_padding + 1. Keras's
    /// "same" with stride s and odd kernel k is padding = (k - 1) / 2, output_padding = s - 1 (output = input * s).
    /// As in PyTorch, only PaddingModes.Zeros is supported.
    /// </summary>
    public sealed class ConvTranspose2d : nn.Module<Tensor, Tensor>
    {
        private readonly long[] stride, padding, output_padding, dilation;

        internal ConvTranspose2d(long in_channels, long out_channels, long[] kernel_size, long[] stride, long[] padding,
                                 long[] output_padding, long[] dilation, PaddingModes padding_mode, long groups, bool bias,
                                 Device? device, ScalarType? dtype)
            : base(nameof(ConvTranspose2d))
        {
            Conv2d.CheckGroups(in_channels, out_channels, groups);
            if (padding_mode != PaddingModes.Zeros)
                throw new ArgumentException($"ConvTranspose2d supports only PaddingModes.Zeros, got {padding_mode}", nameof(padding_mode));
            (this.in_channels, this.out_channels, this.groups) = (in_channels, out_channels, groups);
            (this.stride, this.padding, this.output_padding, this.dilation) = (stride, padding, output_padding, dilation);
            weight = nn.EmptyParameter([in_channels, out_channels / groups, kernel_size[0], kernel_size[1]], device, dtype);
            this.bias = bias ? nn.EmptyParameter([out_channels], device, dtype) : null;
            nn.init.reset_layer(weight, this.bias);
            RegisterComponents();
        }

        public long in_channels { get; }
        public long out_channels { get; }
        public long groups { get; }
        public Parameter weight { get; }
        public Parameter? bias { get; }

        public override Tensor forward(Tensor input) =>
            nn.functional.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation);
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>https://pytorch.org/docs/1.13/generated/torch.nn.ConvTranspose2d.html</summary>
            public static Modules.ConvTranspose2d ConvTranspose2d(long in_channels, long out_channels, long kernel_size, long stride = 1,
                                                                  long padding = 0, long output_padding = 0, long dilation = 1,
                                                                  PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1,
                                                                  bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, [kernel_size, kernel_size], [stride, stride], [padding, padding],
                    [output_padding, output_padding], [dilation, dilation], padding_mode, groups, bias, device, dtype);

            public static Modules.ConvTranspose2d ConvTranspose2d(long in_channels, long out_channels, (long, long) kernel_size,
                                                                  (long, long)? stride = null, (long, long)? padding = null,
                                                                  (long, long)? output_padding = null, (long, long)? dilation = null,
                                                                  PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1,
                                                                  bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, Pair(kernel_size), Pair(stride ?? (1, 1)), Pair(padding ?? (0, 0)),
                    Pair(output_padding ?? (0, 0)), Pair(dilation ?? (1, 1)), padding_mode, groups, bias, device, dtype);
        }
    }
}
