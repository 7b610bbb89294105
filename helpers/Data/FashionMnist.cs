namespace Helpers;

/// <summary>Zalando's Fashion-MNIST: clothing in MNIST's format (60,000 + 10,000 images, 28x28 grey, 10 classes).</summary>
public static class FashionMnist
{
    private static readonly IdxImageSet Set = new("Fashion-MNIST", "fashion-mnist",
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]);

    public static IReadOnlyList<string> ClassNames => Set.ClassNames;

    /// <summary>Loads a split from the data/ folder found above the current directory.</summary>
    public static ImageDataset Load(Split split, int? limit = null) => Set.Load(DataDirectory.Find(), split, limit);

    /// <summary>Loads a split from <c>{dataDir}/fashion-mnist/</c>, keeping the first <paramref name="limit"/> images if given.</summary>
    public static ImageDataset Load(string dataDir, Split split, int? limit = null) => Set.Load(dataDir, split, limit);
}
