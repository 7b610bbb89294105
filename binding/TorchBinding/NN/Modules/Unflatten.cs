using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>Splits dimension <c>dim</c> into <c>unflattened_size</c>, e.g. [N, 784] into [N, 1, 28, 28].</summary>
    public sealed class Unflatten : nn.Module<Tensor, Tensor>
    {
        private readonly long dim;
        private readonly long[] unflattened_size;

        internal Unflatten(long dim, long[] unflattened_size) : base(nameof(Unflatten)) =>
            (this.dim, this.unflattened_size) = (dim, unflattened_size);

        public override Tensor forward(Tensor input) => input.unflatten(dim, unflattened_size);
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Modules.Unflatten Unflatten(long dim, long[] unflattened_size) => new(dim, unflattened_size);
        }
    }
}
