using System.Text.RegularExpressions;
using FluentAssertions;
using NotebookRunner.Tests.Support;
using Xunit;

namespace NotebookRunner.Tests;

/// <summary>
/// `nbrun site` end to end: run a chapter, export it with nbconvert, embed plotly.js, and check
/// in headless Chromium, with the network blocked, that the chart and the image render.
/// Needs the Debian packages jupyter-nbconvert and chromium and `npm install`; set
/// NBRUN_SKIP_BROWSER=1 to skip where they cannot be installed.
/// </summary>
public sealed class ExportTests : WorkspaceTest
{
    [BrowserFact]
    public async Task A_site_page_has_csharp_highlighting_one_embedded_plotly_and_renders_offline()
    {
        File.Exists(HeadlessChromium.Executable).Should().BeTrue("the export test needs the Debian package chromium");
        File.Exists(RepositoryPaths.Plotly).Should().BeTrue("the export test needs plotly.js: run `npm install` in the repository root");
        var chapters = Directory.CreateDirectory(Path.Combine(Workspace.Root, "chapters")).FullName;
        File.Copy(Workspace.Notebook("chart.ipynb"), Path.Combine(chapters, "01-chart.ipynb"));
        var site = Path.Combine(Workspace.Root, "site");

        using var cli = await CliProcess.RunAsync(Workspace.Root, "site", "--notebooks", chapters, "--out", site, "--plotly", RepositoryPaths.Plotly);

        cli.Output.Should().NotContain("has no nbconvert module", "the export test needs the Debian package jupyter-nbconvert");
        cli.ExitCode.Should().Be(0, cli.Output);
        File.Exists(Path.Combine(site, "notebooks", "01-chart.ipynb")).Should().BeTrue();
        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        index.Should().Contain("<a href=\"01-chart.html\">Chart fixture</a>").And.MatchRegex(@"ran in \d+\.\d s");

        var pageFile = Path.Combine(site, "01-chart.html");
        var page = File.ReadAllText(pageFile);
        page.Should().Contain("hl-csharp", "language_info.pygments_lexer selects the C# lexer");
        Regex.Matches(page, Regex.Escape("plotly.js v2.35.2")).Should().HaveCount(1);
        var head = page.IndexOf("<head>", StringComparison.Ordinal);
        page.IndexOf("plotly.js embedded by nbrun", StringComparison.Ordinal).Should().BeLessThan(page.IndexOf("require", head, StringComparison.Ordinal),
            "plotly must load before require.js so it sets window.Plotly");

        var dom = await HeadlessChromium.DumpDomAsync(pageFile);

        dom.Should().Contain("class=\"main-svg\"", "plotly drew the chart");
        dom.Should().Contain("data-rendered=\"yes\"", "the PNG output decoded");
    }
}
