using Xunit;

namespace NotebookRunner.Tests.Support;

/// <summary>
/// A test that needs nbconvert, Chromium and plotly.js. It fails when they are missing, saying
/// what to install, and is skipped only where NBRUN_SKIP_BROWSER=1 says they cannot be had.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("NBRUN_SKIP_BROWSER") == "1")
            Skip = "NBRUN_SKIP_BROWSER=1 is set";
    }
}
