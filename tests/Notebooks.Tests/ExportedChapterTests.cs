using System.Text.Json.Nodes;
using NotebookRunner.Tests.Support;

namespace Notebooks.Tests;

/// <summary>
/// A real chapter exported as the main job exports it, opened in headless Chromium with the network blocked:
/// its loss curves (the helpers' plotly chart) and its image grids must render from what the page carries.
/// </summary>
public class ExportedChapterTests
{
    [Fact]
    public async Task The_first_chapter_exports_to_a_page_whose_chart_and_images_render_offline()
    {
        Assert.True(File.Exists(HeadlessChromium.Executable), "this test needs the Debian package chromium");
        // A notebooks folder beside build/, data/ and node_modules/, as in the repository, with chapter 01 alone in it.
        using var folder = new TempFolder();
        var notebooks = folder.NotebooksBeside("build", "data", "node_modules");
        File.Copy(Path.Combine(Repository.NotebooksDir, "01-dense-vae.ipynb"), Path.Combine(notebooks, "01-dense-vae.ipynb"));
        // The profiles, with only the sections that apply to this chapter (the runner rejects sections for missing notebooks).
        var profiles = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.NotebooksDir, "profiles.json")))!.AsObject();
        foreach (var (_, sections) in profiles)
            foreach (var name in sections!.AsObject().Select(s => s.Key).Where(k => k is not ("*" or "01-dense-vae")).ToList())
                sections.AsObject().Remove(name);
        File.WriteAllText(Path.Combine(notebooks, "profiles.json"), profiles.ToJsonString());
        var site = Path.Combine(folder.Path, "site");

        var (exitCode, log) = Nbrun.Run("site", "--profile", "smoke", "--notebooks", notebooks, "--out", site);
        Assert.True(exitCode == 0, $"nbrun site failed:\n{log}");

        var dom = await HeadlessChromium.DumpDomAsync(Path.Combine(site, "01-dense-vae.html"));

        Assert.Contains("class=\"main-svg\"", dom);                                   // plotly drew the loss curves
        Assert.True(dom.Split("src=\"data:image/png;base64,").Length > 20, "the image grids' pictures are missing");
        // The tables are DataFrames drawn by the helpers' formatter: the parameters and the loss at the source's epochs.
        Assert.Contains("<th style=\"text-align: left; white-space: pre-wrap;\">Name</th>", dom);
        Assert.Contains("<th style=\"text-align: right; font-variant-numeric: tabular-nums; white-space: pre-wrap;\">Source</th>", dom);
        Assert.Contains("<td style=\"text-align: right; font-variant-numeric: tabular-nums; white-space: pre-wrap;\">180.44</td>", dom);
    }
}
