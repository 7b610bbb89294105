using System.Text;

namespace Helpers;

/// <summary>
/// Writes files so that a reader (a browser, a test, a crash) sees the old file or the new one, never half:
/// the bytes go to a temporary file in the same folder, which is then renamed over the target.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, string text) => Write(path, Encoding.UTF8.GetBytes(text));

    public static void Write(string path, byte[] bytes)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
