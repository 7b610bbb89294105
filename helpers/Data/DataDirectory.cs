namespace Helpers;

/// <summary>Finds the repository's <c>data/</c> folder, where scripts/fetch-data.sh puts the data sets.</summary>
public static class DataDirectory
{
    /// <summary>The file that marks our data folder (a stray "data" folder elsewhere has none).</summary>
    private const string Marker = "SHA256SUMS";

    /// <summary>
    /// The nearest <c>data/</c> folder holding SHA256SUMS, walking up from the current directory
    /// (notebooks run in notebooks/, tests in their bin folder).
    /// </summary>
    public static string Find()
    {
        var start = Directory.GetCurrentDirectory();
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "data");
            if (File.Exists(Path.Combine(candidate, Marker))) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"no data/{Marker} found in {start} or any folder above it; run the set-up (scripts/fetch-data.sh) " +
            "from the repository, or pass the data folder explicitly");
    }

    /// <summary>
    /// The path of a data file, accepting the raw name or its gzipped form (<c>name.gz</c>);
    /// a clear error says how to get the file when neither exists.
    /// </summary>
    internal static string Locate(string folder, string fileName, string dataSetName)
    {
        var raw = Path.Combine(folder, fileName);
        if (File.Exists(raw)) return raw;
        if (File.Exists(raw + ".gz")) return raw + ".gz";
        throw new FileNotFoundException(
            $"{dataSetName} file {raw} (or {fileName}.gz) is missing; run the set-up: scripts/fetch-data.sh " +
            "(data/README.md explains how to place the files by hand)", raw);
    }
}
