namespace Helpers.Tests;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string DataDir => Path.Combine(Root, "data");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Helpers.csproj"))) return folder.FullName;
        throw new DirectoryNotFoundException($"no Helpers.csproj above {AppContext.BaseDirectory}");
    }
}
