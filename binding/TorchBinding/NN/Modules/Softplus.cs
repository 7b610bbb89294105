using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>log(1 + exp(beta x)) / beta, linear above threshold.</summary>
    public sealed class Softplus : nn.Module<Tensor, Tensor>
    {
        private readonly double beta, threshold;

        internal Softplus(double beta, double threshold) : base(nameof(Softplus)) => (this.beta, this.threshold) = (beta, threshold);

        public override Tensor forward(Tensor input) => nn.functional.softplus(input, beta, threshold);
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>https://pytorch.org/docs/1.13/generated/torch.nn.Softplus.html</summary>
            public static Modules.Softplus Softplus(double beta = 1.0, double threshold = 20.0) => new(beta, threshold);
        }
    }
}
