using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>Returns its input (as a new handle, so callers may dispose it).</summary>
    public sealed class Identity : nn.Module<Tensor, Tensor>
    {
        internal Identity() : base(nameof(Identity)) { }

        public override Tensor forward(Tensor input) => input.alias();
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>https://pytorch.org/docs/1.13/generated/torch.nn.Identity.html</summary>
            public static Modules.Identity Identity() => new();
        }
    }
}
