using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>Zeroes elements with probability p in training mode (scaling the rest by 1/(1-p)); identity in eval mode.</summary>
    public sealed class Dropout : nn.Module<Tensor, Tensor>
    {
        private readonly double p;

        internal Dropout(double p) : base(nameof(Dropout)) => this.p = p;

        public override Tensor forward(Tensor input) => nn.functional.dropout(input, p, training);
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>https://pytorch.org/docs/1.13/generated/torch.nn.Dropout.html</summary>
            public static Modules.Dropout Dropout(double p = 0.5) => new(p);
        }
    }
}
