namespace NotebookRunner.Tests.Support;

/// <summary>
/// A fresh temp folder holding copies of fixture notebooks, profiles.json and the fixture
/// libraries (lib/), so every test runs on its own files and leaves nothing behind.
/// </summary>
internal sealed class FixtureWorkspace : IDisposable
{
    public static readonly string FixturesFolder = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public FixtureWorkspace()
    {
        Root = Directory.CreateTempSubdirectory("nbrun-test-").FullName;
        NotebookFolder = Directory.CreateDirectory(System.IO.Path.Combine(Root, "notebooks")).FullName;
        OutputFolder = System.IO.Path.Combine(Root, "out");
        foreach (var file in Directory.GetFiles(FixturesFolder))
            File.Copy(file, System.IO.Path.Combine(NotebookFolder, System.IO.Path.GetFileName(file)));
        var lib = Directory.CreateDirectory(System.IO.Path.Combine(NotebookFolder, "lib")).FullName;
        foreach (var file in Directory.GetFiles(System.IO.Path.Combine(FixturesFolder, "lib")))
            File.Copy(file, System.IO.Path.Combine(lib, System.IO.Path.GetFileName(file)));
    }

    public string Root { get; }

    public string NotebookFolder { get; }

    public string OutputFolder { get; }

    /// <summary>The path of a fixture notebook in this workspace; a relative path stays relative to the workspace root.</summary>
    public string Notebook(string fileName) =>
        fileName.Contains('/') ? fileName : System.IO.Path.Combine(NotebookFolder, fileName);

    public string Executed(string fileName) => System.IO.Path.Combine(OutputFolder, fileName);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
