using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>Scaled ELU (Klambauer et al., 2017).</summary>
    public sealed class SELU : nn.Module<Tensor, Tensor>
    {
        private readonly bool inplace;

        internal SELU(bool inplace) : base(nameof(SELU)) => this.inplace = inplace;

        public override Tensor forward(Tensor input) => nn.functional.selu(input, inplace);
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>https://pytorch.org/docs/1.13/generated/torch.nn.SELU.html</summary>
            public static Modules.SELU SELU(bool inplace = false) => new(inplace);
        }
    }
}
