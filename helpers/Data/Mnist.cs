namespace Helpers;

/// <summary>MNIST handwritten digits: 60,000 training and 10,000 test images, 28x28 grey.</summary>
public static class Mnist
{
    private static readonly IdxImageSet Set = new("MNIST", "mnist", ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);

    public static IReadOnlyList<string> ClassNames => Set.ClassNames;

    /// <summary>Loads a split from the data/ folder found above the current directory.</summary>
    public static ImageDataset Load(Split split, int? limit = null) => Set.Load(DataDirectory.Find(), split, limit);

    /// <summary>Loads a split from <c>{dataDir}/mnist/</c>, keeping the first <paramref name="limit"/> images if given.</summary>
    public static ImageDataset Load(string dataDir, Split split, int? limit = null) => Set.Load(dataDir, split, limit);
}
