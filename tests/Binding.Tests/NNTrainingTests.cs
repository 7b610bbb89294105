using static TorchSharp.torch.nn;

namespace Binding.Tests;

/// <summary>Modules, autograd and an optimizer together: the seed-000 dense VAE learns.</summary>
public class NNTrainingTests
{
    // Kingma & Welling (2014), App. B: -ELBO = binary cross-entropy + KL(N(mu, exp(logVar)) || N(0, I)), per image.
    private static Tensor Loss(Tensor x, Tensor xHat, Tensor mu, Tensor logVar)
    {
        var reconstruction = functional.binary_cross_entropy(xHat, x, reduction: Reduction.Sum);
        var regularisation = -0.5 * (1 + logVar - mu.square() - logVar.exp()).sum();
        return (reconstruction + regularisation) / x.shape[0];
    }

    [Fact]
    public void DenseVaeLowersItsLossOnRandomData()
    {
        const int batchSize = 100, steps = 20;
        using var vae = new DenseVae();
        using var optimizer = optim.Adam(vae.parameters(), lr: 1e-3);
        // Uniform grey levels would leave nothing to learn in 20 steps: an untrained decoder's 0.5 is already the best
        // constant guess. Squared, the pixels average 1/3, and a decoder that learns so beats ln 2 nats per pixel.
        using var x = rand(batchSize, 784).square();
        var losses = new float[steps];
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var (mu, logVar) = vae.encode(x);
            var z = mu + (0.5 * logVar).exp() * randn_like(mu);
            var loss = Loss(x, vae.decode(z), mu, logVar);
            loss.backward();
            optimizer.step();
            losses[step] = loss.item<float>();
        }
        // The untrained decoder starts near 784 · ln 2 ≈ 543 nats; predicting every pixel's mean scores about 499.
        Assert.True(losses[^1] < losses[0] - 30, $"losses per image: {string.Join(", ", losses.Select(l => l.ToString("F1")))}");
    }
}
