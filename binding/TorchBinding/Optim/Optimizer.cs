using TorchSharp.Modules;

namespace TorchSharp;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// Updates a fixed list of parameters from their gradients. Per-parameter state (running averages,
        /// momentum buffers) is created on first use, lives outside every dispose scope, and is freed by
        /// <see cref="Dispose"/>.
        /// </summary>
        public abstract class Optimizer : IDisposable
        {
            private readonly Parameter[] trained;
            private readonly Dictionary<(int index, string name), Tensor> state = new();
            private double learningRate;
            private bool disposed;

            protected Optimizer(IEnumerable<Parameter> parameters, double lr, string lrName)
            {
                ArgumentNullException.ThrowIfNull(parameters);
                trained = parameters.ToArray();
                if (trained.Length == 0)
                    throw new ArgumentException($"{GetType().Name} got an empty parameter list", nameof(parameters));
                RequireNonNegative(lr, lrName);
                learningRate = lr;
                InitialLearningRate = lr;
            }

            /// <summary>The step size of the next update; schedulers set it between steps.</summary>
            public double LearningRate
            {
                get => learningRate;
                set
                {
                    RequireNonNegative(value, nameof(LearningRate));
                    learningRate = value;
                }
            }

            /// <summary>The learning rate the optimizer was created with.</summary>
            public double InitialLearningRate { get; }

            public IEnumerable<Parameter> parameters() => Array.AsReadOnly(trained);

            /// <summary>Sets every existing gradient to zero in place (gradients not yet created stay null).</summary>
            public void zero_grad()
            {
                using var noGrad = no_grad();
                foreach (var p in trained)
                {
                    using var grad = p.grad;
                    grad?.zero_();
                }
            }

            /// <summary>
            /// Updates every parameter that has a gradient. The optional closure recomputes the loss (with
            /// gradients enabled) before the update; its result is returned, otherwise null.
            /// </summary>
            public Tensor? step(Func<Tensor>? closure = null)
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                Tensor? loss = null;
                if (closure is not null)
                    using (enable_grad()) loss = closure();
                for (var i = 0; i < trained.Length; i++)
                {
                    using var grad = trained[i].grad;
                    if (grad is not null) Update(i, trained[i], grad);
                }
                return loss;
            }

            /// <summary>Applies one update to parameter <paramref name="index"/>, in place.</summary>
            protected abstract void Update(int index, Parameter parameter, Tensor grad);

            /// <summary>True once the state tensor <paramref name="name"/> of a parameter exists.</summary>
            protected bool HasState(int index, string name) => state.ContainsKey((index, name));

            /// <summary>The state tensor <paramref name="name"/> of a parameter, created as zeros on first use.</summary>
            protected Tensor State(int index, string name)
            {
                if (!state.TryGetValue((index, name), out var tensor))
                {
                    tensor = zeros_like(trained[index]).DetachFromDisposeScope();
                    state.Add((index, name), tensor);
                }
                return tensor;
            }

            protected static void RequireNonNegative(double value, string name)
            {
                if (!(value >= 0)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be non-negative");
            }

            protected static void RequireFraction(double value, string name)
            {
                if (!(value >= 0 && value < 1)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1)");
            }

            public void Dispose()
            {
                if (disposed) return;
                disposed = true;
                foreach (var tensor in state.Values) tensor.Dispose();
                state.Clear();
            }
        }
    }
}
