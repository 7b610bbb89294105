namespace Helpers.Tests;

/// <summary>
/// libtorch zeroes every CPU tensor it allocates once the helpers are loaded, so that oneDNN's reads of memory it
/// did not initialise (libtorch 2.10) cannot pick up NaN left by an earlier tensor.
/// </summary>
[Collection(nameof(GlobalState))]
public class ZeroFillTests
{
    [Fact]
    public void Loading_the_helpers_turned_zero_fill_on()
    {
        // Any use of a helpers type runs their module initializer, so the flag reads true before the call.
        Assert.True(ZeroFill.IsOn);
        Assert.True(ZeroFill.TurnOn());
    }

    [Fact]
    public void A_new_tensor_is_zero_even_where_the_last_tensor_in_that_memory_was_all_NaN()
    {
        Assert.True(ZeroFill.IsOn);
        // glibc hands a freed block of this size straight back to the next request of the same size, so without
        // the flag `empty` returns the NaNs just freed.
        const long floats = 1 << 20;
        for (var round = 0; round < 20; round++)
        {
            using (full(floats, float.NaN)) { }
            using var fresh = empty(floats);
            Assert.True(fresh.eq(0).all().item<bool>(), $"round {round}: {fresh.isnan().sum().item<long>()} NaN in a new tensor");
        }
    }
}
