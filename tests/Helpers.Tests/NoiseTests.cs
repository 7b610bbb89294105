namespace Helpers.Tests;

/// <summary>Seeds torch's global generator and expects the same draws again, so no other test may draw in between.</summary>
[Collection(nameof(GlobalState))]
public class NoiseTests
{
    [Fact]
    public void Noisy_images_stay_in_the_unit_interval_and_repeat_with_the_seed()
    {
        using var images = full([1000], 0.5f);

        manual_seed(3);
        using var first = Noise.Add(images, noiseFactor: 0.5);
        manual_seed(3);
        using var second = Noise.Add(images, noiseFactor: 0.5);

        Assert.True(first.Equals(second));
        Assert.Equal(0f, first.min().item<float>());
        Assert.Equal(1f, first.max().item<float>());
        // clamp(0.5 + 0.5 N(0,1), 0, 1) has standard deviation about 0.38 around 0.5.
        Assert.InRange(first.std().item<float>(), 0.33f, 0.43f);
        Assert.InRange(first.mean().item<float>(), 0.45f, 0.55f);
    }

    [Fact]
    public void Binarised_pixels_are_zero_or_one_with_the_intensity_as_probability()
    {
        using var images = cat([zeros(2000), full([2000], 0.25f), ones(2000)]);

        manual_seed(4);
        using var sample = Binarize.Sample(images);

        Assert.True(sample.eq(0).logical_or(sample.eq(1)).all().item<bool>());
        Assert.Equal(0f, sample[..2000].sum().item<float>());
        Assert.InRange(sample[2000..4000].mean().item<float>(), 0.22f, 0.28f);
        Assert.Equal(2000f, sample[4000..].sum().item<float>());
    }
}
