using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Notebooks.Tests;

/// <summary>
/// The chapters as .NET file-based apps (apps/NN-name.cs, generated from the notebooks by `nbrun app`): they are
/// up to date with their notebooks, they run with the smoke profile and leave their pictures and report, and a bad
/// option is an error that names it.
/// </summary>
public partial class AppTests : IClassFixture<AppBuilds>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    public static TheoryData<string> Chapters() => new(Repository.Notebooks.Select(Path.GetFileNameWithoutExtension).OfType<string>());

    [Fact]
    public void Every_app_is_up_to_date_with_its_notebook()
    {
        var (exitCode, log) = Nbrun.Run("app", "--check");

        Assert.True(exitCode == 0, $"nbrun app --check exited with {exitCode}; regenerate the apps with `make apps`:\n{log}");
        Assert.Equal(Repository.Notebooks.Count, Regex.Matches(log, "is up to date").Count);
    }

    [Fact]
    public void Editing_a_code_cell_without_regenerating_its_app_fails_the_check()
    {
        using var folder = new TempFolder();
        var notebooks = Directory.CreateDirectory(Path.Combine(folder.Path, "notebooks")).FullName;
        var apps = Directory.CreateDirectory(Path.Combine(folder.Path, "apps")).FullName;
        foreach (var file in Directory.GetFiles(Repository.NotebooksDir, "*.ipynb").Append(Path.Combine(Repository.NotebooksDir, "profiles.json")))
            File.Copy(file, Path.Combine(notebooks, Path.GetFileName(file)));
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "apps"), "*.cs"))
            File.Copy(file, Path.Combine(apps, Path.GetFileName(file)));
        Assert.Equal(0, Nbrun.Run("app", "--check", "--notebooks", notebooks, "--out", apps).ExitCode);

        var path = Path.Combine(notebooks, "01-dense-vae.ipynb");
        var notebook = JsonNode.Parse(File.ReadAllText(path))!;
        var cell = notebook["cells"]!.AsArray().First(c => c!["cell_type"]!.GetValue<string>() == "code" && NotebookJson.Source(c!).Contains("var latentDim"))!;
        cell["source"] = NotebookJson.Source(cell).Replace("var latentDim = 128;", "var latentDim = 64;");
        File.WriteAllText(path, notebook.ToJsonString());

        var (exitCode, log) = Nbrun.Run("app", "--check", "--notebooks", notebooks, "--out", apps);

        Assert.Equal(1, exitCode);
        Assert.Contains("01-dense-vae.cs is out of date", log);
        Assert.Contains("02-functional-vae.cs is up to date", log);
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Runs_with_the_smoke_profile_and_leaves_its_pictures_and_report(string chapter)
    {
        var (exitCode, log) = DotnetRun(chapter, "--profile", "smoke");

        Assert.True(exitCode == 0, $"dotnet run --file apps/{chapter}.cs -- --profile smoke exited with {exitCode}:\n{log}");
        var report = Path.Combine(Repository.Root, "apps", "out", chapter);
        Assert.Contains($"report in {Path.Combine(report, "index.html")}", log);
        Assert.False(Directory.Exists(report + ".partial"), "the run's working folder was left behind");
        var pictures = Directory.GetFiles(report, "*.png");
        Assert.NotEmpty(pictures);
        foreach (var picture in pictures)
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(picture)[..4]);
        var page = File.ReadAllText(Path.Combine(report, "index.html"));
        Assert.Contains("profile smoke:", page);
        foreach (var picture in pictures)
            Assert.Contains($"<img src=\"{Path.GetFileName(picture)}\"", page);
        // The notebook's markdown is there, and so is what the chapter printed.
        Assert.Contains("<h1", page);
        foreach (var match in Regex.Matches(log, @"-ELBO (?<elbo>[\d.]+), -log p\(x\) <= (?<iwae>[\d.]+)").Cast<Match>())
        {
            var (elbo, iwae) = (double.Parse(match.Groups["elbo"].Value), double.Parse(match.Groups["iwae"].Value));
            Assert.InRange(elbo, 10, 800);
            Assert.InRange(iwae, 10, elbo + 1e-3);
        }
        // Every chapter shows tables (DataFrames, model summaries, yardstick results): HTML tables in the report, boxed in the terminal.
        Assert.Contains("<table class=\"dataframe\">", page);
        if (chapter.StartsWith("00", StringComparison.Ordinal))
            Assert.Matches(@"│ libtorch version\s+│ 2\.10", log);
        else
            Assert.Matches(@"-ELBO [\d.]+", log);
    }

    [Fact]
    public void A_bad_option_is_an_error_that_names_it_and_the_valid_ones()
    {
        var (unknown, unknownLog) = DotnetRun("01-dense-vae", "--epoch", "2");
        var (badValue, badValueLog) = DotnetRun("01-dense-vae", "--epochs", "two");
        var (badProfile, badProfileLog) = DotnetRun("01-dense-vae", "--profile", "quick");
        var (help, helpLog) = DotnetRun("01-dense-vae", "--help");

        Assert.Equal(2, unknown);
        Assert.Contains("unknown option --epoch; the options are --epochs, --batchSize", unknownLog);
        Assert.Equal(2, badValue);
        Assert.Contains("--epochs expects a whole number, got \"two\"", badValueLog);
        Assert.Equal(2, badProfile);
        Assert.Contains("--profile quick: no such profile; expected one of smoke, class, full", badProfileLog);
        Assert.Equal(0, help);
        Assert.Matches(@"--epochs\s+│\s+20\s+│\s+the source trains for 20 epochs", helpLog);
    }

    /// <summary><c>dotnet run --file apps/NAME.cs -- args</c> in the repository root, as the README says to run an app.</summary>
    private static (int ExitCode, string Output) DotnetRun(string chapter, params string[] args)
    {
        Nbrun.RequireSetup();
        return ChildProcess.Run("dotnet", new[] { "run", "--file", Path.Combine("apps", chapter + ".cs"), "--" }.Concat(args), Timeout);
    }
}
