using System.Text;

namespace NotebookRunner.Outputs;

/// <summary>
/// Stands in for Console.Out or Console.Error while a notebook runs and sends what the cell
/// writes to that cell's outputs as a "stdout" or "stderr" stream.
/// </summary>
internal sealed class StreamCapture(string streamName, Func<CellOutputs?> currentOutputs) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(string? value)
    {
        if (value is not null)
            currentOutputs()?.AppendStream(streamName, value);
    }
}
