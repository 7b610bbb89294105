using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>Binary cross-entropy of probabilities: <c>loss.forward(prediction, target)</c>.</summary>
    public sealed class BCELoss : nn.Module<Tensor, Tensor, Tensor>
    {
        // A handle of its own to the caller's weight, registered as a buffer so it moves with the module.
        private readonly Tensor? weight;
        private readonly nn.Reduction reduction;

        internal BCELoss(Tensor? weight, nn.Reduction reduction) : base(nameof(BCELoss))
        {
            (this.weight, this.reduction) = (weight?.alias(), reduction);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input, Tensor target) =>
            nn.functional.binary_cross_entropy(input, target, weight, reduction);
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Modules.BCELoss BCELoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) => new(weight, reduction);
        }
    }
}
