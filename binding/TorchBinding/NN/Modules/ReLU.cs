using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>max(0, x).</summary>
    public sealed class ReLU : nn.Module<Tensor, Tensor>
    {
        private readonly bool inplace;

        internal ReLU(bool inplace) : base(nameof(ReLU)) => this.inplace = inplace;

        public override Tensor forward(Tensor input) => nn.functional.relu(input, inplace);
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>https://pytorch.org/docs/1.13/generated/torch.nn.ReLU.html</summary>
            public static Modules.ReLU ReLU(bool inplace = false) => new(inplace);
        }
    }
}
