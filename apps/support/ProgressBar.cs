using Spectre.Console;

namespace Helpers.Apps;

/// <summary>
/// A progress bar for every pass over batches, with the running loss when <see cref="Epoch"/> runs it. It draws on a
/// thread of its own while the chapter's code runs the pass, and clears itself when the pass ends, so the lines the
/// chapter prints after an epoch stay as they are. Where the output is not a terminal (a log), it draws nothing.
/// </summary>
internal sealed class ProgressBar : IBatchProgress
{
    private readonly Lock gate = new();
    private int depth, total, done;
    private double? loss;
    private string what = "";
    private CancellationTokenSource? stop;
    private Task? drawing;

    public void Begin(int batches, bool training)
    {
        // A pass inside a pass (a loss that itself iterates batches) shows as part of the outer one.
        if (depth++ > 0 || !Chapter.Console.Profile.Capabilities.Interactive) return;
        (total, done, loss, what) = (batches, 0, null, training ? "training" : "evaluating");
        stop = new CancellationTokenSource();
        var started = new ManualResetEventSlim();
        var token = stop.Token;
        drawing = Task.Run(() => Chapter.Console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(what, maxValue: Math.Max(1, total));
                started.Set();
                while (!token.IsCancellationRequested)
                {
                    Show(task);
                    context.Refresh();
                    token.WaitHandle.WaitOne(100);
                }
                Show(task);
            }));
        started.Wait();
    }

    public void Advance(int batchesDone, double? runningLoss)
    {
        lock (gate)
            (done, loss) = (batchesDone, runningLoss);
    }

    public void End()
    {
        if (--depth > 0 || drawing is null) return;
        stop!.Cancel();
        drawing.Wait();
        (drawing, stop) = (null, null);
    }

    private void Show(ProgressTask task)
    {
        lock (gate)
        {
            task.Value = done;
            task.Description = loss is { } value ? $"{what} {done}/{total}, loss {value:F4}" : $"{what} {done}/{total}";
        }
    }
}
