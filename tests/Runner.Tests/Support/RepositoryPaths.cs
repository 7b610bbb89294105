namespace NotebookRunner.Tests.Support;

internal static class RepositoryPaths
{
    /// <summary>The repository root, found by walking up from the test binaries to runner/Runner.csproj.</summary>
    public static string Root
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "runner", "Runner.csproj")))
                    return folder.FullName;
            }
            throw new DirectoryNotFoundException($"no runner/Runner.csproj above {AppContext.BaseDirectory}");
        }
    }

    public static string Plotly => Path.Combine(Root, "node_modules", "plotly.js-dist-min", "plotly.min.js");
}
