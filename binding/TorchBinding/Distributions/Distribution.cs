namespace TorchSharp;

public static partial class torch
{
    public static partial class distributions
    {
        /// <summary>
        /// A batch of probability distributions. A distribution keeps its own handles to its parameters, outside
        /// every dispose scope but still in the autograd graph (so losses built from log_prob, rsample or KL
        /// terms backpropagate into them); dispose it to free those handles. Every tensor it returns is new.
        /// </summary>
        public abstract class Distribution : IDisposable
        {
            private readonly List<IDisposable> owned = new();
            private bool disposed;

            /// <summary>The shape over which parameters are batched.</summary>
            public long[] batch_shape { get; protected init; } = [];

            /// <summary>The shape of a single sample.</summary>
            public long[] event_shape { get; protected init; } = [];

            public abstract Tensor mean { get; }

            public abstract Tensor variance { get; }

            /// <summary>The most likely value.</summary>
            public virtual Tensor mode => throw new NotSupportedException($"{GetType().Name} does not define a mode");

            public virtual Tensor stddev
            {
                get
                {
                    using var v = variance;
                    return v.sqrt();
                }
            }

            /// <summary>Draws samples of shape sample_shape + batch_shape + event_shape, outside the autograd graph.</summary>
            public virtual Tensor sample(params long[] sample_shape)
            {
                using var noGrad = no_grad();
                return rsample(sample_shape);
            }

            /// <summary>Draws reparameterized samples, differentiable with respect to the parameters.</summary>
            public virtual Tensor rsample(params long[] sample_shape) =>
                throw new NotSupportedException($"{GetType().Name} has no reparameterized sampler; use sample()");

            /// <summary>The log of the density (or mass) at <paramref name="value"/>.</summary>
            public abstract Tensor log_prob(Tensor value);

            public abstract Tensor entropy();

            protected long[] ExtendedShape(long[] sample_shape) => [.. sample_shape, .. batch_shape, .. event_shape];

            /// <summary>Keeps a tensor for the lifetime of this distribution, out of every dispose scope.</summary>
            protected Tensor Own(Tensor tensor)
            {
                owned.Add(tensor.DetachFromDisposeScope());
                return tensor;
            }

            protected T Own<T>(T distribution) where T : Distribution
            {
                owned.Add(distribution);
                return distribution;
            }

            /// <summary>Runs a multi-step computation in its own dispose scope and keeps only its result.</summary>
            internal static Tensor Scoped(Func<Tensor> compute)
            {
                using var scope = NewDisposeScope();
                return compute().MoveToOuterDisposeScope();
            }

            /// <summary>The shape two parameter shapes broadcast to, as in PyTorch.</summary>
            internal static long[] BroadcastShapes(long[] a, long[] b)
            {
                var result = new long[Math.Max(a.Length, b.Length)];
                for (var i = 1; i <= result.Length; i++)
                {
                    var x = i <= a.Length ? a[^i] : 1;
                    var y = i <= b.Length ? b[^i] : 1;
                    if (x != y && x != 1 && y != 1)
                        throw new ArgumentException($"parameter shapes {Tensor.ShapeString(a)} and {Tensor.ShapeString(b)} do not broadcast");
                    result[^i] = x == 1 ? y : x;
                }
                return result;
            }

            public void Dispose()
            {
                if (disposed) return;
                disposed = true;
                foreach (var item in owned) item.Dispose();
                owned.Clear();
            }
        }
    }
}
