using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>max(0, x).</summary>
    public sealed class ReLU : nn.Module<Tensor, Tensor>
    {
        internal ReLU() : base(nameof(ReLU)) { }

        public override Tensor forward(Tensor input) => nn.functional.relu(input);
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>https://pytorch.org/docs/1.13/generated/torch.nn.ReLU.html</summary>
            public static Modules.ReLU ReLU() => new();
        }
    }
}
