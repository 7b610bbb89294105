using NotebookRunner.Outputs;

namespace NotebookRunner.Interactive;

/// <summary>
/// The outputs of the cell that is running now. One notebook runs at a time in a process,
/// so a static slot is enough, and unlike an AsyncLocal it also reaches threads the cell starts.
/// </summary>
internal static class ActiveCell
{
    private static volatile CellOutputs? outputs;

    public static CellOutputs? Outputs => outputs;

    public static CellOutputs Require() =>
        outputs ?? throw new InvalidOperationException("display() can only be called while a notebook cell is running");

    public static void Set(CellOutputs? cellOutputs) => outputs = cellOutputs;
}
