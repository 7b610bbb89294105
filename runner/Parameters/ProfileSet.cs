using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Parameters;

/// <summary>
/// notebooks/profiles.json: named sets of parameter values (smoke, class, full). In each
/// profile, "*" applies to every notebook and a notebook's file stem overrides it, e.g.
/// { "smoke": { "*": { "epochs": 1 }, "01-dense-vae": { "trainSize": 512 } } }.
/// </summary>
internal sealed class ProfileSet
{
    public const string FileName = "profiles.json";
    private const string EveryNotebook = "*";

    private readonly string path;
    private readonly JsonObject profiles;

    private ProfileSet(string path, JsonObject profiles)
    {
        this.path = path;
        this.profiles = profiles;
    }

    /// <summary>The profiles' names, in file order.</summary>
    public IReadOnlyList<string> Names => profiles.Select(pair => pair.Key).ToList();

    /// <summary>Loads the profiles.json that sits in <paramref name="notebookFolder"/>.</summary>
    public static ProfileSet Load(string notebookFolder)
    {
        var path = Path.Combine(notebookFolder, FileName);
        if (!File.Exists(path))
            throw new ParameterException($"{path}: file not found; profiles live in {FileName} beside the notebooks");
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) is JsonObject root
                ? new ProfileSet(path, root)
                : throw new ParameterException($"{path}: expected an object of profiles");
        }
        catch (JsonException error)
        {
            throw new ParameterException($"{path}: invalid JSON: {error.Message}");
        }
    }

    /// <summary>The values <paramref name="profile"/> gives the notebook with file stem <paramref name="stem"/>, notebook-specific ones last.</summary>
    public IReadOnlyList<ParameterSetting> SettingsFor(string profile, string stem)
    {
        var sections = Sections(profile);
        var origin = $"profile \"{profile}\" in {path}";
        var shared = Section(sections, EveryNotebook)
            .Select(pair => new ParameterSetting(pair.Key, pair.Value, null, origin, Optional: true));
        var own = Section(sections, stem)
            .Select(pair => new ParameterSetting(pair.Key, pair.Value, null, origin, Optional: false));
        return shared.Concat(own).ToList();
    }

    /// <summary>
    /// Catches typos the per-notebook check cannot: a section named after no notebook in the
    /// folder, or a "*" value that no notebook declares.
    /// </summary>
    public void Validate(string profile, IReadOnlyList<Notebook> notebooksInFolder)
    {
        var sections = Sections(profile);
        var stems = notebooksInFolder.Select(notebook => notebook.Stem).ToHashSet();
        foreach (var (name, _) in sections.Where(pair => pair.Key != EveryNotebook && !stems.Contains(pair.Key)))
            throw new ParameterException($"{path}: profile \"{profile}\" has a section \"{name}\" but there is no notebook {name}.ipynb beside it");
        var declared = notebooksInFolder
            .Select(ParameterCell.Find).OfType<Cell>()
            .SelectMany(ParameterCell.Declarations).Select(parameter => parameter.Name)
            .ToHashSet();
        foreach (var (name, _) in Section(sections, EveryNotebook).Where(pair => !declared.Contains(pair.Key)))
            throw new ParameterException($"{path}: profile \"{profile}\" sets \"{name}\" for every notebook, but no notebook's parameters cell declares it");
    }

    private JsonObject Sections(string profile) =>
        profiles[profile] as JsonObject
        ?? throw new ParameterException(
            $"{path}: no profile \"{profile}\"; expected one of {string.Join(", ", profiles.Select(pair => pair.Key))}");

    private IEnumerable<KeyValuePair<string, JsonNode?>> Section(JsonObject sections, string name) =>
        sections[name] switch
        {
            null => [],
            JsonObject values => values,
            _ => throw new ParameterException($"{path}: \"{name}\" must be an object of parameter values"),
        };
}
