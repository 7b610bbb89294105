namespace NotebookRunner.Execution;

/// <summary>
/// The last lines a kernel process printed to its own stdout and stderr (native libraries, the
/// runtime's message when it aborts), kept to explain how it died. Lines arrive on two threads.
/// </summary>
internal sealed class OutputTail(int capacity)
{
    private readonly Queue<string> lines = new();

    public void Add(string line)
    {
        lock (lines)
        {
            if (lines.Count == capacity)
                lines.Dequeue();
            lines.Enqueue(line);
        }
    }

    public string Text
    {
        get { lock (lines) return string.Join('\n', lines); }
    }
}
