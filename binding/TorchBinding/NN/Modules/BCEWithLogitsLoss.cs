using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>Binary cross-entropy of sigmoid(logits), computed stably: <c>loss.forward(logits, target)</c>.</summary>
    public sealed class BCEWithLogitsLoss : nn.Module<Tensor, Tensor, Tensor>
    {
        // Handles of its own to the caller's weights, registered as buffers so they move with the module.
        private readonly Tensor? weight, pos_weights;
        private readonly nn.Reduction reduction;

        internal BCEWithLogitsLoss(Tensor? weight, nn.Reduction reduction, Tensor? pos_weights) : base(nameof(BCEWithLogitsLoss))
        {
            (this.weight, this.reduction, this.pos_weights) = (weight?.alias(), reduction, pos_weights?.alias());
            RegisterComponents();
        }

        public override Tensor forward(Tensor input, Tensor target) =>
            nn.functional.binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weights);
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Modules.BCEWithLogitsLoss BCEWithLogitsLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean,
                                                                      Tensor? pos_weights = null) =>
                new(weight, reduction, pos_weights);
        }
    }
}
