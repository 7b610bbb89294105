using NotebookRunner.Apps;
using NotebookRunner.Notebooks;
using NotebookRunner.Parameters;
using Spectre.Console;

namespace NotebookRunner.Cli;

/// <summary>
/// nbrun app [--check] [--notebooks DIR] [--out DIR]: generates apps/NN-name.cs from every chapter notebook, or with
/// --check only reports the apps that differ from what their notebooks (and profiles.json) would generate.
/// </summary>
internal static class AppCommand
{
    public static int Execute(IReadOnlyList<string> args, IAnsiConsole console)
    {
        var arguments = Arguments.Parse("app", args.Where(arg => arg != "--check"), new Dictionary<string, string>
        {
            ["--notebooks"] = "--notebooks",
            ["--out"] = "--out",
        });
        if (arguments.Positionals.Count > 0)
            throw new UsageException($"nbrun app: unexpected argument {arguments.Positionals[0]}; use --notebooks DIR to choose the folder");
        var check = args.Contains("--check");
        var notebookFolder = arguments.Single("--notebooks", "notebooks")!;
        var appFolder = arguments.Single("--out", "apps")!;
        var profiles = ProfileSet.Load(notebookFolder);
        var stale = 0;
        foreach (var path in SiteCommand.Chapters(notebookFolder))
        {
            var notebook = NotebookFile.Load(path);
            var relative = Path.GetRelativePath(appFolder, path).Replace('\\', '/');
            var settings = profiles.Names.Select(name => (name, profiles.SettingsFor(name, notebook.Stem))).ToList();
            string source;
            try
            {
                source = AppGenerator.Generate(notebook, relative, settings);
            }
            catch (AppGenerationException error)
            {
                console.MarkupLineInterpolated($"[red]✗[/] {path}: {error.Message}");
                stale++;
                continue;
            }
            var target = Path.Combine(appFolder, notebook.Stem + ".cs");
            var current = File.Exists(target) ? File.ReadAllText(target) : null;
            if (current == source)
            {
                console.MarkupLineInterpolated($"[green]✓[/] {target} is up to date with {path}");
                continue;
            }
            if (check)
            {
                console.MarkupLineInterpolated($"[red]✗[/] {target} {(current is null ? "is missing" : "is out of date")}: regenerate it from {path} with `make apps`");
                stale++;
                continue;
            }
            Directory.CreateDirectory(appFolder);
            AtomicFile.WriteAllText(target, source);
            console.MarkupLineInterpolated($"[green]✓[/] wrote {target} from {path}");
        }
        return stale == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }
}
