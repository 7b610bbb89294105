namespace TorchSharp;

/// <summary>
/// Disposes every tensor created on this thread while it is the innermost scope, unless the tensor
/// was moved out of it. The notebook idiom is one scope per training batch.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static DisposeScope? current;

    private readonly HashSet<torch.Tensor> owned = new(ReferenceEqualityComparer.Instance);
    private bool disposed;

    internal DisposeScope()
    {
        Outer = current;
        current = this;
    }

    /// <summary>The scope that was innermost when this one was opened.</summary>
    public DisposeScope? Outer { get; }

    /// <summary>The innermost open scope of this thread, if any.</summary>
    public static DisposeScope? Current => current;

    /// <summary>How many tensors this scope will dispose when it closes.</summary>
    public int Count => owned.Count;

    internal static void Register(torch.Tensor tensor)
    {
        if (current is null) return;
        current.owned.Add(tensor);
        tensor.OwningScope = current;
    }

    internal void Forget(torch.Tensor tensor) => owned.Remove(tensor);

    internal void Adopt(torch.Tensor tensor)
    {
        owned.Add(tensor);
        tensor.OwningScope = this;
    }

    /// <summary>Disposes everything this scope owns except the given tensors, which stay owned.</summary>
    public void DisposeEverythingBut(params torch.Tensor[] keep)
    {
        var kept = new HashSet<torch.Tensor>(keep, ReferenceEqualityComparer.Instance);
        foreach (var tensor in owned.Where(t => !kept.Contains(t)).ToList()) tensor.Dispose();
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        // Tensors remove themselves from `owned` as they are disposed, so work on a copy.
        foreach (var tensor in owned.ToArray())
        {
            tensor.OwningScope = null;
            tensor.Dispose();
        }
        owned.Clear();
        // Scopes close in the reverse order of opening; tolerate a scope closed out of order.
        if (current == this) current = Outer;
    }
}

public static partial class torch
{
    /// <summary>Opens a scope that disposes the tensors created inside it; use with <c>using</c>.</summary>
    public static DisposeScope NewDisposeScope() => new();

    /// <summary>Number of tensors whose native memory is alive, on all threads.</summary>
    public static long LiveTensorCount => Tensor.LiveCount;
}
