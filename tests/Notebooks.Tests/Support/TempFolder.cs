namespace Notebooks.Tests;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "notebooks-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>
    /// Links the repository's <paramref name="shared"/> folders (build/, data/, ...) into this one and returns a
    /// new notebooks/ folder beside them, so that a notebook there finds "../build/bin" as the chapters do.
    /// </summary>
    public string NotebooksBeside(params string[] shared)
    {
        foreach (var name in shared)
            Directory.CreateSymbolicLink(System.IO.Path.Combine(Path, name), System.IO.Path.Combine(Repository.Root, name));
        return Directory.CreateDirectory(System.IO.Path.Combine(Path, "notebooks")).FullName;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
