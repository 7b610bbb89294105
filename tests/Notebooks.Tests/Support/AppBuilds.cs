namespace Notebooks.Tests;

/// <summary>
/// Removes the builds that the app tests' <c>dotnet run --file</c> left in the SDK's folder for file-based apps
/// (<c>~/.local/share/dotnet/runfile/</c>): each carries its own copy of libtorch's natives, about 1 GB, and every
/// clone of the repository gets six new ones, so a machine that runs the tests in fresh clones would fill its disk.
/// Only folders that appeared during the tests and are named after a chapter are removed.
/// </summary>
public sealed class AppBuilds : IDisposable
{
    private static readonly string Folder =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "dotnet", "runfile");

    private readonly HashSet<string> before = Listing();

    public void Dispose()
    {
        var chapters = Repository.Notebooks.Select(Path.GetFileNameWithoutExtension).OfType<string>().ToList();
        foreach (var folder in Listing().Except(before))
        {
            var name = Path.GetFileName(folder);
            if (!chapters.Any(chapter => name.StartsWith(chapter + "-", StringComparison.Ordinal))) continue;
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Still in use by a build that outlived its test; the SDK's own clean-up removes it later.
            }
        }
    }

    private static HashSet<string> Listing() =>
        Directory.Exists(Folder) ? Directory.GetDirectories(Folder).ToHashSet() : [];
}
