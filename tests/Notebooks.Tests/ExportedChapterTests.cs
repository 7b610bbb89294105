using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotebookRunner.Tests.Support;

namespace Notebooks.Tests;

/// <summary>
/// Real chapters exported as the main job exports them, opened in headless Chromium with the network blocked: their
/// charts (XPlot charts drawn with the plotly.js the page carries), image grids and chapter 03's latent explorer must
/// work from what the page carries.
/// </summary>
public class ExportedChapterTests
{
    [Fact]
    public async Task The_first_chapter_exports_to_a_page_whose_chart_and_images_render_offline()
    {
        using var folder = new TempFolder();
        var page = Export(folder, "01-dense-vae");

        var dom = await HeadlessChromium.DumpDomAsync(page);

        Assert.Contains("class=\"main-svg\"", dom);                                   // plotly drew the loss curves
        Assert.True(dom.Split("src=\"data:image/png;base64,").Length > 20, "the image grids' pictures are missing");
        // The tables are DataFrames drawn by the helpers' formatter: the parameters and the loss at the source's epochs.
        Assert.Contains("<th style=\"text-align: left; white-space: pre-wrap;\">Name</th>", dom);
        Assert.Contains("<th style=\"text-align: right; font-variant-numeric: tabular-nums; white-space: pre-wrap;\">Source</th>", dom);
        Assert.Contains("<td style=\"text-align: right; font-variant-numeric: tabular-nums; white-space: pre-wrap;\">180.44</td>", dom);
    }

    [Fact]
    public async Task Chapter_three_exports_a_latent_explorer_that_follows_the_mouse_offline()
    {
        using var folder = new TempFolder();
        var page = Export(folder, "03-conv-vae");
        // The script that moves, hovers and presses over the first explorer, as a user's mouse would, appended to the page.
        var probe = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "explorer-probe.js"));
        File.WriteAllText(page, File.ReadAllText(page).Replace("</body>", $"<script>{probe}</script>\n</body>"));

        var dom = await HeadlessChromium.DumpDomAsync(page);

        var match = Regex.Match(dom, "<pre id=\"explorer-probe\">(.*?)</pre>", RegexOptions.Singleline);
        Assert.True(match.Success, "the probe script did not finish in Chromium");
        var result = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value)).RootElement;
        Assert.False(result.TryGetProperty("error", out var error), error.ToString());
        Assert.NotEqual(result.GetProperty("first").GetProperty("tile").GetString(), result.GetProperty("second").GetProperty("tile").GetString());
        Assert.Matches(@"^test image \d+: \d$", result.GetProperty("hover").GetProperty("text").GetString());
        Assert.Equal(10, result.GetProperty("path").GetProperty("drawn").GetInt32());
        Assert.Single(Regex.Matches(dom, Regex.Escape("plotly.js v2.35.2")));
    }

    /// <summary>Runs one chapter with the smoke profile and exports it (`nbrun site`); returns its page.</summary>
    private static string Export(TempFolder folder, string chapter)
    {
        Assert.True(File.Exists(HeadlessChromium.Executable), "this test needs the Debian package chromium");
        // A notebooks folder beside build/, data/ and node_modules/, as in the repository, with the chapter alone in it.
        var notebooks = folder.NotebooksBeside("build", "data", "node_modules");
        File.Copy(Path.Combine(Repository.NotebooksDir, chapter + ".ipynb"), Path.Combine(notebooks, chapter + ".ipynb"));
        // The profiles, with only the sections and shared values that apply to this chapter (the runner rejects sections
        // for missing notebooks, and shared values no notebook declares).
        var source = File.ReadAllText(Path.Combine(notebooks, chapter + ".ipynb"));
        var profiles = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.NotebooksDir, "profiles.json")))!.AsObject();
        foreach (var (_, sections) in profiles)
        {
            foreach (var name in sections!.AsObject().Select(s => s.Key).Where(k => k != "*" && k != chapter).ToList())
                sections.AsObject().Remove(name);
            if (sections["*"] is JsonObject shared)
                foreach (var name in shared.Select(p => p.Key).Where(k => !Regex.IsMatch(source, $@"\bvar {k} =")).ToList())
                    shared.Remove(name);
        }
        File.WriteAllText(Path.Combine(notebooks, "profiles.json"), profiles.ToJsonString());
        var site = Path.Combine(folder.Path, "site");

        var (exitCode, log) = Nbrun.Run("site", "--profile", "smoke", "--notebooks", notebooks, "--out", site);
        Assert.True(exitCode == 0, $"nbrun site failed:\n{log}");
        return Path.Combine(site, chapter + ".html");
    }
}
