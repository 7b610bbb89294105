namespace TorchSharp;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>Multiplies the learning rate by <paramref name="gamma"/> every <paramref name="step_size"/> epochs.</summary>
            public static LRScheduler StepLR(Optimizer optimizer, int step_size, double gamma = 0.1) =>
                new impl.StepLR(optimizer, step_size, gamma);

            public static partial class impl
            {
                public sealed class StepLR : LRScheduler
                {
                    private readonly int stepSize;
                    private readonly double gamma;

                    internal StepLR(Optimizer optimizer, int step_size, double gamma) : base(optimizer)
                    {
                        if (step_size < 1)
                            throw new ArgumentOutOfRangeException(nameof(step_size), step_size, "step_size must be at least 1");
                        (stepSize, this.gamma) = (step_size, gamma);
                    }

                    protected override double LearningRateAt(int epoch, double initial) =>
                        initial * Math.Pow(gamma, epoch / stepSize);
                }
            }
        }
    }
}
