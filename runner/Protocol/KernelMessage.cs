namespace NotebookRunner.Protocol;

/// <summary>
/// What the kernel process tells the runner, one JSON object per line. The kinds:
/// "ready" (the kernel is built; <see cref="Kernels"/> lists the names it answers to),
/// "stdout" and "stderr" (<see cref="Text"/> written by the cell), "display" (a displayed value,
/// an update of one or a return value: <see cref="Id"/> is the kernel's value id, null for return
/// values), "failed" (<see cref="Text"/> is the kernel's message for the failed submission) and
/// "done" (the submission finished; nothing more comes for that cell).
/// </summary>
internal sealed record KernelMessage(
    string Kind,
    string? Text = null,
    string? Id = null,
    IReadOnlyList<MimeValue>? Values = null,
    IReadOnlyList<string>? Kernels = null)
{
    public const string Ready = "ready";
    public const string Stdout = "stdout";
    public const string Stderr = "stderr";
    public const string Display = "display";
    public const string Failed = "failed";
    public const string Done = "done";
}

/// <summary>A value formatted for one MIME type, as the kernel's FormattedValue carries it.</summary>
internal sealed record MimeValue(string MimeType, string Value);

/// <summary>What the runner asks the kernel process to do: submit one cell's code to the named kernel.</summary>
internal sealed record CellSubmission(string Code, string Kernel);
