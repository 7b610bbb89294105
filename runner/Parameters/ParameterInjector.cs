using NotebookRunner.Notebooks;

namespace NotebookRunner.Parameters;

/// <summary>
/// Injects parameter values the way papermill does: a code cell tagged "injected-parameters"
/// right after the "parameters" cell, with "// Parameters" and one "var name = value;" line
/// each; later C# declarations shadow earlier ones, so the notebook sees the new values.
/// </summary>
internal static class ParameterInjector
{
    private const string InjectedCellId = "injected-parameters";

    /// <summary>Applies <paramref name="settings"/> in order (later wins); throws naming the notebook and parameter on a bad value.</summary>
    public static void Inject(Notebook notebook, IReadOnlyList<ParameterSetting> settings)
    {
        foreach (var stale in notebook.Cells.Where(cell => cell.Tags.Contains(ParameterCell.InjectedTag)).ToList())
            notebook.RemoveCell(stale);
        if (settings.Count == 0)
            return;

        var parametersCell = ParameterCell.Find(notebook);
        var declared = parametersCell is null ? [] : ParameterCell.Declarations(parametersCell);
        var values = new Dictionary<string, string>();
        foreach (var setting in settings)
        {
            var parameter = declared.FirstOrDefault(candidate => candidate.Name == setting.Name);
            if (parameter is null)
            {
                if (setting.Optional)
                    continue;
                throw new ParameterException(
                    $"{notebook.Path}: {setting.Origin} sets \"{setting.Name}\", which the notebook's parameters cell does not declare"
                    + (declared.Count > 0 ? $" (it declares {string.Join(", ", declared.Select(p => p.Name))})" : " (it has no cell tagged \"parameters\")"));
            }
            try
            {
                values[parameter.Name] = setting.ToLiteral(parameter.Type);
            }
            catch (FormatException error)
            {
                throw new ParameterException($"{notebook.Path}: {setting.Origin} sets \"{setting.Name}\": {error.Message}");
            }
        }
        if (values.Count == 0)
            return;

        var lines = declared.Where(parameter => values.ContainsKey(parameter.Name))
            .Select(parameter => $"var {parameter.Name} = {values[parameter.Name]};");
        var injected = Cell.NewCode(InjectedCellId, string.Join('\n', lines.Prepend("// Parameters")), ParameterCell.InjectedTag);
        var index = notebook.Cells.ToList().FindIndex(cell => cell.Json == parametersCell!.Json);
        notebook.InsertCell(index + 1, injected);
    }
}
