namespace Helpers.Tests;

/// <summary>The data sets scripts/fetch-data.sh placed in data/ (the test suite runs after the set-up).</summary>
public class RealDataTests
{
    public static TheoryData<string, Split, long> Sets => new()
    {
        { "MNIST", Split.Train, 60000 },
        { "MNIST", Split.Test, 10000 },
        { "Fashion-MNIST", Split.Train, 60000 },
        { "Fashion-MNIST", Split.Test, 10000 },
    };

    [Theory]
    [MemberData(nameof(Sets))]
    public void Loads_with_the_documented_shapes_ranges_and_labels(string name, Split split, long count)
    {
        using var set = name == "MNIST" ? Mnist.Load(Repository.DataDir, split) : FashionMnist.Load(Repository.DataDir, split);

        Assert.Equal([count, 1, 28, 28], set.Images.shape);
        Assert.Equal(ScalarType.Float32, set.Images.dtype);
        Assert.Equal(0f, set.Images.min().item<float>());
        Assert.Equal(1f, set.Images.max().item<float>());
        Assert.Equal([count], set.Labels.shape);
        Assert.Equal(ScalarType.Int64, set.Labels.dtype);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), set.Labels.data<long>().ToArray().Distinct().Order());
        Assert.Equal(10, set.ClassNames.Count);
    }

    [Fact]
    public void The_first_training_labels_are_the_published_ones()
    {
        using var digits = Mnist.Load(Repository.DataDir, Split.Train, limit: 10);
        using var clothes = FashionMnist.Load(Repository.DataDir, Split.Train, limit: 10);

        Assert.Equal([5L, 0, 4, 1, 9, 2, 1, 3, 1, 4], digits.Labels.data<long>().ToArray());
        Assert.Equal([9L, 0, 0, 3, 0, 2, 7, 2, 5, 5], clothes.Labels.data<long>().ToArray());
    }
}
