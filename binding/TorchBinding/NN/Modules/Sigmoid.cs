using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>1 / (1 + exp(-x)).</summary>
    public sealed class Sigmoid : nn.Module<Tensor, Tensor>
    {
        internal Sigmoid() : base(nameof(Sigmoid)) { }

        public override Tensor forward(Tensor input) => input.sigmoid();
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>https://pytorch.org/docs/1.13/generated/torch.nn.Sigmoid.html</summary>
            public static Modules.Sigmoid Sigmoid() => new();
        }
    }
}
