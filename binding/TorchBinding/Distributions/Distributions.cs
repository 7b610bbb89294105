using TorchSharp.Modules;

namespace TorchSharp;

// https://pytorch.org/docs/1.13/distributions.html
public static partial class torch
{
    public static partial class distributions
    {
        public static Normal Normal(Tensor loc, Tensor scale) => new(loc, scale);

        /// <summary>A float32 normal distribution with scalar parameters.</summary>
        public static Normal Normal(float loc, float scale) => ScalarNormal(loc, scale, ScalarType.Float32);

        /// <summary>A float64 normal distribution with scalar parameters.</summary>
        public static Normal Normal(double loc, double scale) => ScalarNormal(loc, scale, ScalarType.Float64);

        private static Normal ScalarNormal(double loc, double scale, ScalarType dtype)
        {
            using var l = scalar_tensor(loc, dtype);
            using var s = scalar_tensor(scale, dtype);
            return new(l, s);
        }

        /// <summary>0/1 variables given exactly one of their probabilities or their log-odds.</summary>
        public static Bernoulli Bernoulli(Tensor? probs = null, Tensor? logits = null) => new(probs, logits);

        /// <summary>Reinterprets the rightmost batch dimensions of a distribution as event dimensions; it takes ownership of base_distribution.</summary>
        public static Independent Independent(Distribution base_distribution, int reinterpreted_batch_ndims) =>
            new(base_distribution, reinterpreted_batch_ndims);

        /// <summary>A multivariate normal given exactly one of covariance_matrix, precision_matrix or scale_tril.</summary>
        public static MultivariateNormal MultivariateNormal(Tensor loc, Tensor? covariance_matrix = null,
                                                            Tensor? precision_matrix = null, Tensor? scale_tril = null) =>
            new(loc, covariance_matrix, precision_matrix, scale_tril);

        /// <summary>
        /// KL(p ‖ q) in closed form, batched over the distributions' batch shapes. Supported pairs: Normal–Normal,
        /// Independent–Independent with the same reinterpreted dimensions and a supported base pair, and any two
        /// Gaussians with a vector event, each a MultivariateNormal or an Independent(Normal, 1); other pairs throw
        /// NotSupportedException.
        /// </summary>
        public static Tensor kl_divergence(Distribution p, Distribution q) => KullbackLeibler.Divergence(p, q);
    }
}
