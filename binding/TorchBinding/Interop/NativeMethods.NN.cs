// Declarations of the native functions in binding/native/nn.cpp and conv_transpose.cpp, C names unchanged.
namespace TorchSharp.Interop;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_linear(IntPtr input, IntPtr weight, IntPtr bias);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_conv2d(IntPtr input, IntPtr weight, IntPtr bias, long* stride, long* padding, long* dilation, long groups);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_conv_transpose2d(IntPtr input, IntPtr weight, IntPtr bias, long* stride, long* padding, long* output_padding, long groups, long* dilation);

    // binding/native/conv_transpose.cpp: one of the two computations by name (0 reference, 1 via convolution).
    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_conv_transpose2d_path(IntPtr input, IntPtr weight, IntPtr bias, long* stride, long* padding, long* output_padding, long groups, long* dilation, sbyte via_conv_path);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_max_pool2d(IntPtr input, long* kernel, long* stride, long* padding, long* dilation, sbyte ceil_mode);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_avg_pool2d(IntPtr input, long* kernel, long* stride, long* padding);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_pad(IntPtr input, long* pad, int npad, sbyte mode, double value);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_upsample_nearest2d(IntPtr input, long* size);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_upsample_bilinear2d(IntPtr input, long* size, sbyte align_corners);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_leaky_relu(IntPtr input, double negative_slope);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_selu(IntPtr input);

    [LibraryImport(LibraryName)]
    internal static partial int ts_relu_(IntPtr input);

    [LibraryImport(LibraryName)]
    internal static partial int ts_leaky_relu_(IntPtr input, double negative_slope);

    [LibraryImport(LibraryName)]
    internal static partial int ts_selu_(IntPtr input);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_elu(IntPtr input, double alpha);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_gelu(IntPtr input);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_softplus(IntPtr input, double beta, double threshold);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_dropout(IntPtr input, double p, sbyte train);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_binary_cross_entropy(IntPtr input, IntPtr target, IntPtr weight, long reduction);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_binary_cross_entropy_path(IntPtr input, IntPtr target, long reduction, sbyte fused);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_binary_cross_entropy_with_logits(IntPtr input, IntPtr target, IntPtr weight, IntPtr pos_weight, long reduction);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_mse_loss(IntPtr input, IntPtr target, long reduction);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_l1_loss(IntPtr input, IntPtr target, long reduction);

    [LibraryImport(LibraryName)]
    internal static partial IntPtr ts_nll_loss(IntPtr input, IntPtr target, long reduction);

    [LibraryImport(LibraryName)]
    internal static partial int ts_tensor_set_data(IntPtr t, IntPtr data);
}
