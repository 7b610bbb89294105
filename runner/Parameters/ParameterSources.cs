using NotebookRunner.Notebooks;

namespace NotebookRunner.Parameters;

/// <summary>
/// The parameter values for a run: an optional profile from the profiles.json beside each
/// notebook, then "-p name=value" overrides, which win.
/// </summary>
internal sealed class ParameterSources(string? profile, IReadOnlyList<string> overrides)
{
    private readonly Dictionary<string, ProfileSet> profilesByFolder = [];
    private readonly IReadOnlyList<ParameterSetting> commandLine = overrides.Select(ParameterSetting.FromCommandLine).ToList();

    public IReadOnlyList<ParameterSetting> SettingsFor(Notebook notebook)
    {
        var fromProfile = profile is null ? [] : ProfilesIn(notebook.Directory).SettingsFor(profile, notebook.Stem);
        return fromProfile.Concat(commandLine).ToList();
    }

    private ProfileSet ProfilesIn(string folder)
    {
        if (profilesByFolder.TryGetValue(folder, out var known))
            return known;
        var profiles = ProfileSet.Load(folder);
        profiles.Validate(profile!, SiblingNotebooks(folder));
        profilesByFolder[folder] = profiles;
        return profiles;
    }

    // A sibling that cannot be read is reported when it runs; here it just declares nothing.
    private static List<Notebook> SiblingNotebooks(string folder) =>
        Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).Select(TryLoad).OfType<Notebook>().ToList();

    private static Notebook? TryLoad(string path)
    {
        try
        {
            return NotebookFile.Load(path);
        }
        catch (NotebookFormatException)
        {
            return null;
        }
    }
}
