using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>Flattens dimensions start_dim..end_dim into one (by default everything but the batch dimension).</summary>
    public sealed class Flatten : nn.Module<Tensor, Tensor>
    {
        private readonly long start_dim, end_dim;

        internal Flatten(long start_dim, long end_dim) : base(nameof(Flatten)) => (this.start_dim, this.end_dim) = (start_dim, end_dim);

        public override Tensor forward(Tensor input) => input.flatten(start_dim, end_dim);
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Modules.Flatten Flatten(long start_dim = 1, long end_dim = -1) => new(start_dim, end_dim);
        }
    }
}
