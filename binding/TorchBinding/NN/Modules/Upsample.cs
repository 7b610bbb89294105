using static TorchSharp.torch;

namespace TorchSharp
{
    public static partial class torch
    {
        /// <summary>How <see cref="nn.Upsample"/> computes new pixels (numbered as in TorchSharp).</summary>
        public enum UpsampleMode
        {
            Nearest = 0,
            Bilinear = 2,
        }
    }
}

namespace TorchSharp.Modules
{
    /// <summary>Resizes [N, C, H, W] images to a size or by a scale factor (see <see cref="nn.functional.interpolate"/>).</summary>
    public sealed class Upsample : nn.Module<Tensor, Tensor>
    {
        private readonly long[]? size;
        private readonly double[]? scale_factor;
        private readonly InterpolationMode mode;
        private readonly bool? align_corners;

        internal Upsample(long[]? size, double[]? scale_factor, UpsampleMode mode, bool? align_corners) : base(nameof(Upsample))
        {
            this.mode = mode switch
            {
                UpsampleMode.Nearest => InterpolationMode.Nearest,
                UpsampleMode.Bilinear => InterpolationMode.Bilinear,
                _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown upsampling mode"),
            };
            (this.size, this.scale_factor, this.align_corners) = (size, scale_factor, align_corners);
        }

        public override Tensor forward(Tensor input) =>
            nn.functional.interpolate(input, size, scale_factor, mode, align_corners);
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>https://pytorch.org/docs/1.13/generated/torch.nn.Upsample.html</summary>
            public static Modules.Upsample Upsample(long[]? size = null, double[]? scale_factor = null, UpsampleMode mode = UpsampleMode.Nearest,
                                                    bool? align_corners = null) =>
                new(size, scale_factor, mode, align_corners);
        }
    }
}
