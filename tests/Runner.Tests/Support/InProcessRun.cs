using System.Text.Json.Nodes;
using NotebookRunner.Execution;
using NotebookRunner.Parameters;

namespace NotebookRunner.Tests.Support;

/// <summary>
/// Runs a notebook through the runner's own classes in the test process (the kernel still runs in
/// its child process) and reads back the executed copy.
/// </summary>
internal static class InProcessRun
{
    public static async Task<ExecutedNotebook> RunAsync(
        FixtureWorkspace workspace, string fileName, string? profile = null, params string[] overrides)
    {
        var progress = new RecordingProgress();
        var job = new NotebookJob(new ParameterSources(profile, overrides), workspace.OutputFolder, progress);
        var result = await job.RunAsync(workspace.Notebook(fileName), CancellationToken.None);
        var json = result.ExecutedPath is null ? null : JsonNode.Parse(File.ReadAllText(result.ExecutedPath))!.AsObject();
        return new ExecutedNotebook(result, json, progress);
    }
}

internal sealed record ExecutedNotebook(NotebookJobResult Result, JsonObject? Json, RecordingProgress Progress)
{
    public JsonArray Cells => Json!["cells"]!.AsArray();

    /// <summary>A cell by its position in the file, counting from 0 (markdown included).</summary>
    public JsonObject Cell(int index) => Cells[index]!.AsObject();

    public JsonArray Outputs(int index) => Cell(index)["outputs"]!.AsArray();

    /// <summary>The "data" object of a display_data output.</summary>
    public JsonObject Data(int cellIndex, int outputIndex) => Outputs(cellIndex)[outputIndex]!["data"]!.AsObject();

    public static string Text(JsonNode? lines) =>
        lines is JsonArray array ? string.Concat(array.Select(line => line!.GetValue<string>())) : lines!.GetValue<string>();
}

internal sealed class RecordingProgress : IRunProgress
{
    // The kernel process's own lines arrive on other threads.
    private readonly List<string> events = [];

    public IReadOnlyList<string> Events
    {
        get { lock (events) return events.ToList(); }
    }

    public void NotebookStarted(string notebookPath, int codeCellCount) => Add($"start {codeCellCount}");

    public void CellStarted(int cellNumber, string firstLine) => Add($"cell {cellNumber}");

    public void CellFinished(int cellNumber, TimeSpan elapsed, bool succeeded) => Add($"done {cellNumber} {succeeded}");

    public void CellSkipped(int cellNumber, string reason) => Add($"skip {cellNumber}: {reason}");

    public void KernelPrinted(string line) => Add($"kernel printed {line}");

    public void NotebookFinished(NotebookRunResult result) => Add($"finish {result.Succeeded}");

    private void Add(string text)
    {
        lock (events)
            events.Add(text);
    }
}
