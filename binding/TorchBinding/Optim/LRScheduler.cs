namespace TorchSharp;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>
            /// Sets an optimizer's learning rate as a function of the epoch; call <see cref="step"/> once per
            /// epoch, after the optimizer's own steps.
            /// </summary>
            public abstract class LRScheduler
            {
                private readonly Optimizer optimizer;

                protected LRScheduler(Optimizer optimizer)
                {
                    ArgumentNullException.ThrowIfNull(optimizer);
                    this.optimizer = optimizer;
                }

                /// <summary>How many times <see cref="step"/> has been called.</summary>
                public int last_epoch { get; private set; }

                public void step()
                {
                    last_epoch++;
                    optimizer.LearningRate = LearningRateAt(last_epoch, optimizer.InitialLearningRate);
                }

                /// <summary>The learning rate now in use (one value: this binding has one parameter group).</summary>
                public IEnumerable<double> get_last_lr() => [optimizer.LearningRate];

                /// <summary>The learning rate for <paramref name="epoch"/>, computed in closed form.</summary>
                protected abstract double LearningRateAt(int epoch, double initial);
            }
        }
    }
}
