using System.Collections.Concurrent;

namespace NotebookRunner.Execution;

/// <summary>
/// Runs every cell of a notebook on one dedicated thread. Native engines keep state per thread
/// (libtorch's grad mode and OpenMP thread count, the binding's dispose scopes), so a setting made
/// in one cell must still hold in the next, as it does in a kernel that owns its thread.
/// </summary>
internal sealed class KernelThread : IDisposable
{
    private readonly BlockingCollection<Action> work = new();
    private readonly Thread thread;

    public KernelThread(string name)
    {
        // Deep model code and Roslyn's own recursion like a generous stack.
        thread = new Thread(Loop, maxStackSize: 16 << 20) { IsBackground = true, Name = name };
        thread.Start();
    }

    /// <summary>Runs the work on the kernel thread, waiting there for it to finish.</summary>
    public Task<T> Run<T>(Func<Task<T>> job, CancellationToken cancellation)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        work.Add(() =>
        {
            try
            {
                completion.SetResult(job().GetAwaiter().GetResult());
            }
            catch (Exception exception)
            {
                completion.SetException(exception);
            }
        });
        // On cancellation the caller stops waiting; the cell itself cannot be interrupted safely.
        return completion.Task.WaitAsync(cancellation);
    }

    private void Loop()
    {
        foreach (var item in work.GetConsumingEnumerable()) item();
    }

    public void Dispose() => work.CompleteAdding();
}
