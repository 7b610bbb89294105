using TorchSharp.Interop;

namespace TorchSharp;

public static partial class torch
{
    public partial class Tensor
    {
        public bool requires_grad
        {
            get => Native.Value(NativeMethods.ts_requires_grad(Handle)) == 1;
            set => Native.Status(NativeMethods.ts_set_requires_grad(Handle, Native.Flag(value)));
        }

        /// <summary>Sets requires_grad and returns this tensor.</summary>
        public Tensor requires_grad_(bool requires_grad = true)
        {
            this.requires_grad = requires_grad;
            return this;
        }

        /// <summary>The accumulated gradient (a fresh handle the caller may dispose), or null before any backward pass.</summary>
        public Tensor? grad
        {
            get => Native.OptionalTensor(NativeMethods.ts_grad(Handle));
            set => Native.Status(NativeMethods.ts_set_grad(Handle, value?.Handle ?? IntPtr.Zero));
        }

        /// <summary>Computes gradients of this tensor with respect to the graph leaves.</summary>
        public void backward(Tensor? gradient = null, bool retain_graph = false, bool create_graph = false) =>
            Native.Status(NativeMethods.ts_backward(Handle, gradient?.Handle ?? IntPtr.Zero, Native.Flag(retain_graph), Native.Flag(create_graph)));
    }

    /// <summary>Restores the previous grad mode when disposed.</summary>
    public sealed class GradModeGuard : IDisposable
    {
        private readonly bool previous;
        private bool disposed;

        internal GradModeGuard(bool enabled)
        {
            previous = is_grad_enabled();
            Native.Status(NativeMethods.ts_set_grad_enabled(Native.Flag(enabled)));
        }

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            Native.Status(NativeMethods.ts_set_grad_enabled(Native.Flag(previous)));
        }
    }

    /// <summary>Turns gradient tracking off until disposed: <c>using (torch.no_grad()) { ... }</c>.</summary>
    public static GradModeGuard no_grad() => new(false);

    public static GradModeGuard enable_grad() => new(true);

    public static GradModeGuard set_grad_enabled(bool enabled) => new(enabled);

    public static bool is_grad_enabled() => Native.Value(NativeMethods.ts_is_grad_enabled()) == 1;
}
