using Spectre.Console;

namespace NotebookRunner.Cli;

internal static class Usage
{
    private const string Text = """
        nbrun: runs C# notebooks headless, as VS Code + Polyglot "Run All" would, and exports them to HTML.
        Each notebook runs in a fresh .NET Interactive C# kernel, in a process of its own started in the notebook's folder.

        nbrun run <notebook.ipynb>... [--profile smoke|class|full] [-p name=value]... [--out DIR]
            Runs each notebook and writes the executed copy to DIR (default site/notebooks/).
        nbrun site [--profile NAME] [-p name=value]... [--notebooks DIR] [--out DIR] [--plotly FILE] [--title TEXT] [--python PATH]
            Runs notebooks/NN-*.ipynb and NNa-*.ipynb in order (profile class by default), exports each to HTML in
            site/ with nbconvert, embeds plotly.js (default node_modules/plotly.js-dist-min/plotly.min.js)
            and writes site/index.html.
        nbrun check <notebook.ipynb>...
            Checks notebooks carry no outputs and have the Polyglot metadata.
        nbrun app [--check] [--notebooks DIR] [--out DIR]
            Generates apps/NN-name.cs, a .NET file-based app, from each chapter notebook (and profiles.json);
            with --check, writes nothing and fails when an app is missing or out of date.

        Profiles come from profiles.json beside the notebooks. Exit codes: 0 success, 1 a notebook
        failed, 2 bad usage, 130 interrupted.
        """;

    public static int Print(IAnsiConsole console)
    {
        console.WriteLine(Text);
        return ExitCodes.Success;
    }
}
