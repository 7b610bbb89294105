using System.Diagnostics;

namespace NotebookRunner.Export;

/// <summary>
/// Renders an executed notebook to HTML with Jupyter's nbconvert, which shows the stored
/// outputs and needs no .NET kernel (polyglot.md §8).
/// </summary>
internal sealed class NbConvert(string python)
{
    public const string InstallHint = "install the Debian package jupyter-nbconvert (apt-get install jupyter-nbconvert)";

    /// <summary>The Debian interpreter, whose site-packages hold the apt-installed nbconvert.</summary>
    public static string DefaultPython => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>Returns the page's HTML; throws <see cref="ExportException"/> naming the notebook on failure.</summary>
    public async Task<string> ToHtmlAsync(string notebookPath, CancellationToken cancellation)
    {
        var workFolder = Directory.CreateTempSubdirectory("nbrun-export-").FullName;
        try
        {
            var start = new ProcessStartInfo(python)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                ArgumentList = { "-m", "nbconvert", "--to", "html", "--output-dir", workFolder, "--output", "page", notebookPath },
            };
            using var process = StartOrExplain(start);
            using var stopOnInterrupt = cancellation.Register(() => process.Kill(entireProcessTree: true));
            var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
            var stderr = process.StandardError.ReadToEndAsync(cancellation);
            await process.WaitForExitAsync(cancellation);
            var messages = await stderr + await stdout;
            if (messages.Contains("No module named nbconvert", StringComparison.Ordinal))
                throw new ExportException($"{python} has no nbconvert module; {InstallHint}");
            if (process.ExitCode != 0)
                throw new ExportException($"nbconvert failed on {notebookPath} (exit code {process.ExitCode}):\n{messages.Trim()}");
            return await File.ReadAllTextAsync(Path.Combine(workFolder, "page.html"), cancellation);
        }
        finally
        {
            Directory.Delete(workFolder, recursive: true);
        }
    }

    private Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new ExportException($"could not start {python}");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new ExportException($"could not start {python} ({error.Message}); {InstallHint}");
        }
    }
}

internal sealed class ExportException(string message) : Exception(message);
