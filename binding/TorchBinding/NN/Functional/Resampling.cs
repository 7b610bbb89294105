using TorchSharp.Interop;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>How <see cref="nn.functional.interpolate"/> computes new pixels (numbered as in TorchSharp).</summary>
    public enum InterpolationMode
    {
        Nearest = 0,
        Bilinear = 2,
    }

    public static partial class nn
    {
        // https://pytorch.org/docs/1.13/nn.functional.html#vision-functions
        public static partial class functional
        {
            /// <summary>
            /// Pads the last dimensions. <paramref name="pad"/> lists (before, after) pairs starting from the last
            /// dimension: [left, right] or [left, right, top, bottom] for images. <paramref name="value"/> fills
            /// the border in Constant mode; the other modes take it from the input (see <see cref="PaddingModes"/>).
            /// </summary>
            public static unsafe Tensor pad(Tensor input, long[] pad, PaddingModes mode = PaddingModes.Constant, double value = 0)
            {
                ArgumentNullException.ThrowIfNull(pad);
                if (pad.Length % 2 != 0)
                    throw new ArgumentException($"pad needs (before, after) pairs, got {pad.Length} values", nameof(pad));
                if (!Enum.IsDefined(mode))
                    throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown padding mode");
                fixed (long* p = pad) return Native.Tensor(NativeMethods.ts_pad(input.Handle, p, pad.Length, (sbyte)mode, value));
            }

            /// <summary>
            /// Resizes [N, C, H, W] images to <paramref name="size"/> or by <paramref name="scale_factor"/> (one of the
            /// two; one value serves both dimensions). The output size is floor(input * scale) and pixels are mapped by
            /// the ratio of the sizes, which equals PyTorch's result whenever input * scale is a whole number.
            /// align_corners applies to bilinear only (default false).
            /// </summary>
            public static unsafe Tensor interpolate(Tensor input, long[]? size = null, double[]? scale_factor = null,
                                                    InterpolationMode mode = InterpolationMode.Nearest, bool? align_corners = null)
            {
                if ((size is null) == (scale_factor is null))
                    throw new ArgumentException("interpolate needs exactly one of size and scale_factor", nameof(size));
                if (align_corners is not null && mode == InterpolationMode.Nearest)
                    throw new ArgumentException("align_corners only applies to bilinear interpolation", nameof(align_corners));
                var output = size is not null ? Pair(size, 0, nameof(size)) : ScaledSize(input, scale_factor!);
                fixed (long* p = output)
                    return Native.Tensor(mode switch
                    {
                        InterpolationMode.Nearest => NativeMethods.ts_upsample_nearest2d(input.Handle, p),
                        InterpolationMode.Bilinear => NativeMethods.ts_upsample_bilinear2d(input.Handle, p, Native.Flag(align_corners ?? false)),
                        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown interpolation mode"),
                    });
            }

            private static long[] ScaledSize(Tensor input, double[] scale_factor)
            {
                var scales = scale_factor switch
                {
                    [var s] => new[] { s, s },
                    [_, _] => scale_factor,
                    _ => throw new ArgumentException($"scale_factor needs one or two values (height, width), got {scale_factor.Length}", nameof(scale_factor)),
                };
                var shape = input.shape;
                if (shape.Length != 4)
                    throw new ArgumentException($"interpolate expects [N, C, H, W] input, got shape {Tensor.ShapeString(shape)}", nameof(input));
                return [(long)Math.Floor(shape[2] * scales[0]), (long)Math.Floor(shape[3] * scales[1])];
            }
        }
    }
}
