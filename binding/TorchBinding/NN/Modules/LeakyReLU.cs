using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>x for x &gt;= 0, negative_slope * x otherwise.</summary>
    public sealed class LeakyReLU : nn.Module<Tensor, Tensor>
    {
        private readonly double negative_slope;
        private readonly bool inplace;

        internal LeakyReLU(double negative_slope, bool inplace) : base(nameof(LeakyReLU)) =>
            (this.negative_slope, this.inplace) = (negative_slope, inplace);

        public override Tensor forward(Tensor input) => nn.functional.leaky_relu(input, negative_slope, inplace);
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>https://pytorch.org/docs/1.13/generated/torch.nn.LeakyReLU.html</summary>
            public static Modules.LeakyReLU LeakyReLU(double negative_slope = 0.01, bool inplace = false) => new(negative_slope, inplace);
        }
    }
}
