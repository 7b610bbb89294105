using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Helpers.Apps;

/// <summary>A chapter parameter as the app's command line knows it: the notebook's name, default and comment.</summary>
public sealed record ChapterOption(string Name, object Default, string Help = "");

/// <summary>
/// The run of one chapter app (apps/NN-name.cs, generated from notebooks/NN-name.ipynb by <c>nbrun app</c>): its
/// options, what its cells display, and the report it leaves in apps/out/NN-name/.
/// </summary>
/// <remarks>
/// The app runs in the notebook's folder, as the notebook's kernel does, so data, checkpoints and results are the
/// notebook's own: a chapter trained in VS Code loads in the app and the other way round. Pictures are written as
/// PNG, charts as HTML pages that work offline, and index.html shows everything in the notebook's order with its
/// markdown. The run writes into apps/out/NN-name.partial/ and renames that over apps/out/NN-name/ when the chapter
/// ends, so a failed or interrupted run leaves the last complete report in place and nothing half-written.
/// </remarks>
public static class Chapter
{
    private static readonly List<ChapterOption> Declared = [];
    private static readonly Dictionary<string, Dictionary<string, object?>> Profiles = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, object> Values = new(StringComparer.Ordinal);
    private static readonly Report Report = new();
    private static IAnsiConsole console = AnsiConsole.Console;
    private static string stem = "", outFolder = "", workFolder = "";
    private static int cell = -1;
    private static bool ended;

    /// <summary>The folder where the run writes its pictures and report until it ends.</summary>
    internal static string WorkFolder => workFolder;

    internal static IAnsiConsole Console => console;

    /// <summary>Starts the run: reads the notebook's markdown, moves into the notebook's folder, prepares apps/out.</summary>
    /// <param name="chapter">The notebook's file stem, e.g. "01-dense-vae".</param>
    /// <param name="notebook">The notebook's path relative to the app's folder.</param>
    public static void Start(string chapter, string notebook)
    {
        var realOut = System.Console.Out;
        var terminal = !System.Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null;
        console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(realOut),
            // A log gets plain lines; a terminal gets colour and the progress bar.
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = 120;
        var appFolder = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Directory.GetCurrentDirectory();
        var notebookPath = Path.GetFullPath(Path.Combine(appFolder, notebook));
        if (!File.Exists(notebookPath))
            Fail($"{notebookPath}: the notebook this app was generated from is missing; the report takes its markdown from it", 1);
        stem = chapter;
        outFolder = Path.Combine(appFolder, "out", chapter);
        workFolder = outFolder + ".partial";
        if (Directory.Exists(workFolder)) Directory.Delete(workFolder, recursive: true);
        Directory.CreateDirectory(workFolder);
        Report.Begin(chapter, MarkdownCells(notebookPath));
        Directory.SetCurrentDirectory(Path.GetDirectoryName(notebookPath)!);

        System.Console.SetOut(new TeeWriter(realOut, Report.Print));
        BatchProgress.Observer = new ProgressBar();
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
            Fail($"cell {cell} failed: {(e.ExceptionObject as Exception)?.GetType().Name}: {(e.ExceptionObject as Exception)?.Message}", 1);
        System.Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            Fail("interrupted: the last complete report is left as it was", 130);
        };
    }

    /// <summary>Records the values a profile of notebooks/profiles.json gives this chapter.</summary>
    public static void Profile(string name, object values) =>
        Profiles[name] = values.GetType().GetProperties().ToDictionary(property => property.Name, property => property.GetValue(values));

    /// <summary>
    /// Reads the command line: <c>--name value</c> (or <c>--name=value</c>) for each option, <c>--profile NAME</c>
    /// for a profile's values (the options given beside it win), <c>--help</c>. Bad input ends the app with a
    /// message naming the option and what it accepts.
    /// </summary>
    public static void ParseOptions(string[] args, ChapterOption[] options)
    {
        Declared.AddRange(options);
        foreach (var option in options) Values[option.Name] = option.Default;
        var given = new List<(string Name, string Text)>();
        string? profile = null;
        for (var i = 0; i < args.Length; i++)
        {
            var token = args[i];
            if (token is "--help" or "-h")
            {
                PrintHelp();
                Environment.Exit(0);
            }
            if (!token.StartsWith("--", StringComparison.Ordinal))
                Fail($"unexpected argument \"{token}\"; options look like --epochs 2 (see --help)", 2);
            var (name, text) = token.Split('=', 2) is [var n, var v] ? (n[2..], v) : (token[2..], null);
            text ??= i + 1 < args.Length ? args[++i] : null;
            if (text is null)
                Fail($"--{name} needs a value", 2);
            if (name == "profile")
            {
                profile = Profiles.ContainsKey(text!) ? text
                    : Fail<string>($"--profile {text}: no such profile; expected one of {string.Join(", ", Profiles.Keys)}", 2);
                continue;
            }
            if (!Values.ContainsKey(name))
                Fail($"unknown option --{name}; the options are {string.Join(", ", Declared.Select(o => "--" + o.Name))} and --profile", 2);
            given.Add((name, text!));
        }
        if (profile is not null)
            foreach (var (name, value) in Profiles[profile].Where(pair => Values.ContainsKey(pair.Key)))
                Values[name] = Convert.ChangeType(value, Values[name].GetType(), CultureInfo.InvariantCulture)!;
        foreach (var (name, text) in given)
            Values[name] = Parse(name, text);
        Report.Parameters(profile, Declared.Select(option => (option.Name, Format(Values[option.Name]))).ToList());
    }

    /// <summary>The value of a declared option after the command line.</summary>
    public static T Option<T>(string name) =>
        Values.TryGetValue(name, out var value) ? (T)value
        : throw new ArgumentException($"no option {name}; declared are {string.Join(", ", Values.Keys)}", nameof(name));

    /// <summary>Marks the start of a notebook cell: the report puts the markdown before it, the terminal its headings.</summary>
    public static void Cell(int index)
    {
        cell = index;
        foreach (var heading in Report.EnterCell(index))
            console.Write(new Rule($"[bold]{Markup.Escape(heading)}[/]").LeftJustified());
    }

    /// <summary>Shows a value as the notebook's <c>display</c> would: printed, and written into the report.</summary>
    public static Displayed display(object? value)
    {
        var shown = new Displayed(Report.NewOutput());
        shown.Update(value);
        return shown;
    }

    /// <summary>An HTML fragment to display, as the kernel's <c>HTML(...)</c>.</summary>
    public static HtmlFragment HTML(string html) => new(html);

    /// <summary>Ends the run: writes the report and puts this run's folder in place of the last one.</summary>
    public static void End()
    {
        ended = true;
        BatchProgress.Observer = null;
        Report.Write(Path.Combine(workFolder, "index.html"));
        var previous = outFolder + ".previous";
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        if (Directory.Exists(outFolder)) Directory.Move(outFolder, previous);
        Directory.Move(workFolder, outFolder);
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        console.MarkupLineInterpolated($"[green]✓[/] {stem}: report in {Path.Combine(outFolder, "index.html")}");
    }

    private static object Parse(string name, string text)
    {
        var type = Values[name].GetType();
        var invariant = CultureInfo.InvariantCulture;
        object? value = type switch
        {
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, invariant, out var i) ? i : null,
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, invariant, out var l) ? l : null,
            _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float, invariant, out var d) ? d : null,
            _ when type == typeof(float) => float.TryParse(text, NumberStyles.Float, invariant, out var f) ? f : null,
            _ when type == typeof(decimal) => decimal.TryParse(text, NumberStyles.Float, invariant, out var m) ? m : null,
            _ when type == typeof(bool) => bool.TryParse(text, out var b) ? b : null,
            _ => text,
        };
        return value ?? Fail<object>($"--{name} expects {Describe(type)}, got \"{text}\"", 2);
    }

    private static string Describe(Type type) =>
        type == typeof(int) || type == typeof(long) ? "a whole number"
        : type == typeof(bool) ? "true or false"
        : "a number";

    private static string Format(object value) =>
        value switch
        {
            bool flag => flag ? "true" : "false",
            string text => text,
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

    private static void PrintHelp()
    {
        console.MarkupLineInterpolated($"[bold]{stem}[/]: the chapter's notebook as an app. Options, with the notebook's defaults:");
        var table = new Spectre.Console.Table().AddColumns("option", "default", "what it is");
        foreach (var option in Declared)
            table.AddRow(Markup.Escape("--" + option.Name), Markup.Escape(Format(option.Default)), Markup.Escape(option.Help));
        console.Write(table);
        console.MarkupLine("[bold]--profile NAME[/] takes a profile's values from notebooks/profiles.json (options given beside it win):");
        foreach (var (name, values) in Profiles)
            console.MarkupLineInterpolated($"  {name}: {string.Join(", ", values.Select(pair => $"{pair.Key} {Format(pair.Value!)}"))}");
    }

    private static void Fail(string message, int exitCode) => Fail<object>(message, exitCode);

    private static T Fail<T>(string message, int exitCode)
    {
        BatchProgress.Observer = null;
        console.MarkupLineInterpolated($"[red]error:[/] {stem}: {message}");
        if (!ended && workFolder.Length > 0 && Directory.Exists(workFolder))
            Directory.Delete(workFolder, recursive: true);
        System.Console.Out.Flush();
        Environment.Exit(exitCode);
        return default!;
    }

    /// <summary>The notebook's markdown cells by cell index.</summary>
    private static IReadOnlyList<(int Index, string Markdown)> MarkdownCells(string notebookPath)
    {
        var root = JsonNode.Parse(File.ReadAllText(notebookPath)) as JsonObject;
        if (root?["cells"] is not JsonArray cells)
            return Fail<IReadOnlyList<(int, string)>>($"{notebookPath}: not a notebook (no \"cells\" array)", 1);
        return cells.Select((node, index) => (node, index))
            .Where(pair => pair.node?["cell_type"]?.GetValue<string>() == "markdown")
            .Select(pair => (pair.index, pair.node!["source"] switch
            {
                JsonArray lines => string.Concat(lines.Select(line => line!.GetValue<string>())),
                JsonValue text => text.GetValue<string>(),
                _ => "",
            }))
            .ToList();
    }

    /// <summary>Console output goes to the terminal and into the report, under the cell that printed it.</summary>
    private sealed class TeeWriter(TextWriter terminal, Action<string> record) : TextWriter
    {
        public override Encoding Encoding => terminal.Encoding;

        public override void Write(char value)
        {
            terminal.Write(value);
            record(value.ToString());
        }

        public override void Write(string? value)
        {
            terminal.Write(value);
            if (value is not null) record(value);
        }

        public override void WriteLine(string? value) => Write(value + "\n");

        public override void Flush() => terminal.Flush();
    }
}

/// <summary>An HTML fragment to display (the kernel's <c>HTML(...)</c>).</summary>
public sealed record HtmlFragment(string Html)
{
    public override string ToString() => WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(Html, "<[^>]+>", "")).Trim();
}
