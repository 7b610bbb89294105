using System.Diagnostics;

namespace NotebookRunner.Tests.Support;

/// <summary>Loads a page in headless Chromium with all network blocked and returns the DOM after its scripts ran.</summary>
internal static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    public static async Task<string> DumpDomAsync(string htmlFile)
    {
        var profile = Directory.CreateTempSubdirectory("nbrun-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // No host resolves, so a chart can only render with the plotly.js embedded in the page.
                "--host-resolver-rules=MAP * ~NOTFOUND",
                $"--user-data-dir={profile}", "--virtual-time-budget=5000", "--dump-dom",
                new Uri(htmlFile).AbsoluteUri,
            })
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var dom = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"chromium exited with {process.ExitCode}:\n{await errors}");
            return await dom;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
