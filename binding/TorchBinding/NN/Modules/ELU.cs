using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>x for x &gt; 0, alpha * (exp(x) - 1) otherwise.</summary>
    public sealed class ELU : nn.Module<Tensor, Tensor>
    {
        private readonly double alpha;

        internal ELU(double alpha) : base(nameof(ELU)) => this.alpha = alpha;

        public override Tensor forward(Tensor input) => nn.functional.elu(input, alpha);
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>https://pytorch.org/docs/1.13/generated/torch.nn.ELU.html</summary>
            public static Modules.ELU ELU(double alpha = 1.0) => new(alpha);
        }
    }
}
