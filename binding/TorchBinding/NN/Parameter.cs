using TorchSharp.Interop;

namespace TorchSharp.Modules;

/// <summary>
/// A tensor that a module trains. It lives outside every dispose scope (the module owns it) and
/// requires gradients by default.
/// </summary>
public sealed class Parameter : torch.Tensor
{
    /// <summary>Makes a parameter that shares the storage of <paramref name="data"/>, detached from its graph.</summary>
    public Parameter(torch.Tensor data, bool requires_grad = true)
        : base(DetachedHandle(data), registerInScope: false)
    {
        this.requires_grad = requires_grad;
    }

    private static IntPtr DetachedHandle(torch.Tensor data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var handle = NativeMethods.ts_tensor_detach(data.Handle);
        if (handle == IntPtr.Zero) Native.CheckForErrors();
        return handle;
    }
}

