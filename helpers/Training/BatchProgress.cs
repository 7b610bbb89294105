namespace Helpers;

/// <summary>
/// What a host that shows progress hears of every pass over <see cref="Batches"/>: the chapter apps draw a
/// progress bar with the running loss from it. Notebooks set none, and then nothing is reported.
/// </summary>
public interface IBatchProgress
{
    /// <summary>A pass of <paramref name="batches"/> batches starts; <paramref name="training"/> when gradients are on.</summary>
    void Begin(int batches, bool training);

    /// <summary><paramref name="done"/> batches are done; the running average loss when <see cref="Epoch"/> runs the pass.</summary>
    void Advance(int done, double? runningLoss);

    /// <summary>The pass ended, completed or not.</summary>
    void End();
}

/// <summary>The process's <see cref="IBatchProgress"/>, if a host set one.</summary>
public static class BatchProgress
{
    /// <summary>Set by a host (a chapter app) before the chapter runs; null in notebooks.</summary>
    public static IBatchProgress? Observer { get; set; }

    [ThreadStatic]
    private static double? runningLoss;

    /// <summary>Epoch's running average, reported with the next batch.</summary>
    internal static void ReportLoss(double average) => runningLoss = average;

    internal static void Begin(int batches)
    {
        runningLoss = null;
        Observer?.Begin(batches, TorchSharp.torch.is_grad_enabled());
    }

    internal static void Advance(int done) => Observer?.Advance(done, runningLoss);

    internal static void End() => Observer?.End();
}
