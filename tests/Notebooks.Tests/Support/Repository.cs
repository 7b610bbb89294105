namespace Notebooks.Tests;

/// <summary>The repository the tests run from, and what `make setup` must have built in it.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string NotebooksDir => Path.Combine(Root, "notebooks");

    /// <summary>The committed notebooks, in chapter order (file names only).</summary>
    public static IReadOnlyList<string> Notebooks =>
        Directory.GetFiles(NotebooksDir, "*.ipynb").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Helpers.csproj"))) return folder.FullName;
        throw new DirectoryNotFoundException($"no Helpers.csproj above {AppContext.BaseDirectory}");
    }
}
