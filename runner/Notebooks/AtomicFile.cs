using System.Collections.Concurrent;

namespace NotebookRunner.Notebooks;

/// <summary>
/// Writes a file through a temporary file in the same folder and a rename, so an interrupted
/// run leaves either the old file or the complete new one, never a partial one.
/// </summary>
internal static class AtomicFile
{
    private static readonly ConcurrentDictionary<string, byte> PendingTempFiles = new();

    public static void WriteAllText(string path, string text)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.tmp");
        PendingTempFiles[temp] = 0;
        try
        {
            File.WriteAllText(temp, text);
            File.Move(temp, fullPath, overwrite: true);
        }
        finally
        {
            DeleteQuietly(temp);
            PendingTempFiles.TryRemove(temp, out _);
        }
    }

    /// <summary>Removes temp files of writes still in progress; called when the run is interrupted.</summary>
    public static void DeletePendingTempFiles()
    {
        foreach (var temp in PendingTempFiles.Keys)
            DeleteQuietly(temp);
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the file is ours and in an output folder; failing here must not hide the real error.
        }
    }
}
