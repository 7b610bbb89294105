using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>Mean squared error: <c>loss.forward(prediction, target)</c>.</summary>
    public sealed class MSELoss : nn.Module<Tensor, Tensor, Tensor>
    {
        private readonly nn.Reduction reduction;

        internal MSELoss(nn.Reduction reduction) : base(nameof(MSELoss)) => this.reduction = reduction;

        public override Tensor forward(Tensor input, Tensor target) => nn.functional.mse_loss(input, target, reduction);
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Modules.MSELoss MSELoss(Reduction reduction = Reduction.Mean) => new(reduction);
        }
    }
}
