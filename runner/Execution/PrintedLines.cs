namespace NotebookRunner.Execution;

/// <summary>
/// What a kernel process printed to its own stdout and stderr since a cell started (native
/// libraries, the runtime's message when it aborts), kept to explain how the process died: the
/// first lines, where the runtime says why it terminated, and the last ones, where a native
/// library says what it did last. Lines arrive on two threads.
/// </summary>
internal sealed class PrintedLines(int keepFirst, int keepLast)
{
    private readonly List<string> first = [];
    private readonly Queue<string> last = new();
    private int leftOut;

    public void Add(string line)
    {
        lock (first)
        {
            if (first.Count < keepFirst)
            {
                first.Add(line);
                return;
            }
            if (last.Count == keepLast)
            {
                last.Dequeue();
                leftOut++;
            }
            last.Enqueue(line);
        }
    }

    /// <summary>Forgets what was printed before; called as each cell starts.</summary>
    public void Clear()
    {
        lock (first)
        {
            first.Clear();
            last.Clear();
            leftOut = 0;
        }
    }

    public string Text
    {
        get
        {
            lock (first)
            {
                var gap = leftOut > 0 ? [$"… ({leftOut} lines left out)"] : Array.Empty<string>();
                return string.Join('\n', first.Concat(gap).Concat(last));
            }
        }
    }
}
