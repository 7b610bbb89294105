namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public abstract partial class Module
        {
            private readonly List<Action<Module, object?, object?>> forwardHooks = [];

            /// <summary>
            /// Calls <paramref name="hook"/>(module, input, output) after every <c>call</c> of this module. The input
            /// is the argument, or a ValueTuple of the arguments for multi-input modules. Dispose the result to remove
            /// the hook.
            /// </summary>
            public IDisposable register_forward_hook(Action<Module, object?, object?> hook)
            {
                ArgumentNullException.ThrowIfNull(hook);
                forwardHooks.Add(hook);
                return new HookRegistration(() => forwardHooks.Remove(hook));
            }

            private protected void RunForwardHooks(object? input, object? output)
            {
                if (forwardHooks.Count == 0) return;
                // A hook may remove itself while running.
                foreach (var hook in forwardHooks.ToArray()) hook(this, input, output);
            }

            private sealed class HookRegistration(Action remove) : IDisposable
            {
                private Action? remove = remove;

                public void Dispose()
                {
                    remove?.Invoke();
                    remove = null;
                }
            }
        }
    }
}
