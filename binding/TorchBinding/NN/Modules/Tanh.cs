using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>The hyperbolic tangent.</summary>
    public sealed class Tanh : nn.Module<Tensor, Tensor>
    {
        internal Tanh() : base(nameof(Tanh)) { }

        public override Tensor forward(Tensor input) => input.tanh();
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>https://pytorch.org/docs/1.13/generated/torch.nn.Tanh.html</summary>
            public static Modules.Tanh Tanh() => new();
        }
    }
}
