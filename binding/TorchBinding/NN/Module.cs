using TorchSharp.Modules;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// The base of every layer and model: a named tree of submodules, parameters and buffers, kept in
        /// managed code. Derive from <see cref="Module{T, TResult}"/> and call <see cref="RegisterComponents"/>
        /// at the end of the constructor. Disposing a module disposes its parameters, buffers and submodules.
        /// </summary>
        public abstract partial class Module : IDisposable
        {
            private readonly string name;
            private readonly OrderedDictionary<string, Module> ownModules = new();
            private readonly OrderedDictionary<string, Parameter> ownParameters = new();
            private readonly OrderedDictionary<string, Tensor> ownBuffers = new();
            private bool disposed;

            protected Module(string name)
            {
                ArgumentException.ThrowIfNullOrWhiteSpace(name);
                this.name = name;
            }

            public string GetName() => name;

            /// <summary>True in training mode (the default), false after <see cref="eval"/>.</summary>
            public bool training { get; private set; } = true;

            /// <summary>Switches this module and all submodules to training (or evaluation) mode.</summary>
            public virtual void train(bool train = true)
            {
                training = train;
                foreach (var child in ownModules.Values) child.train(train);
            }

            public void eval() => train(false);

            // ---- manual registration ----

            public void register_module(string name, Module submodule)
            {
                ArgumentNullException.ThrowIfNull(submodule);
                CheckComponentName(name, ownModules);
                ownModules[name] = submodule;
            }

            public void register_parameter(string name, Parameter? parameter)
            {
                if (parameter is null) return;
                CheckComponentName(name, ownParameters);
                ownParameters[name] = parameter;
            }

            /// <summary>Registers a tensor that is saved and moved with the module but not trained; the module owns it.</summary>
            public void register_buffer(string name, Tensor tensor)
            {
                ArgumentNullException.ThrowIfNull(tensor);
                CheckComponentName(name, ownBuffers);
                ownBuffers[name] = tensor.DetachFromDisposeScope();
            }

            // A name may be re-registered in its own kind (fields reassigned before RegisterComponents runs
            // again) but not reused across kinds, or state_dict() would hold the same key twice.
            private void CheckComponentName(string name, System.Collections.IDictionary kind)
            {
                ArgumentException.ThrowIfNullOrWhiteSpace(name);
                if (name.Contains('.'))
                    throw new ArgumentException($"component name '{name}' of module '{this.name}' must not contain '.'", nameof(name));
                System.Collections.IDictionary[] kinds = [ownModules, ownParameters, ownBuffers];
                if (kinds.Any(other => other != kind && other.Contains(name)))
                    throw new ArgumentException($"module '{this.name}' already has a component named '{name}' of another kind", nameof(name));
            }

            // ---- the tree ----

            public IEnumerable<(string name, Module module)> named_children() =>
                ownModules.Select(kv => (kv.Key, kv.Value));

            public IEnumerable<Module> children() => ownModules.Values;

            /// <summary>This module (named "") and every module below it, with dotted names, each once.</summary>
            public IEnumerable<(string name, Module module)> named_modules()
            {
                // Iterators, so that the set of modules seen starts empty on every enumeration.
                var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
                foreach (var entry in NamedModules("", seen)) yield return entry;
            }

            private IEnumerable<(string name, Module module)> NamedModules(string prefix, HashSet<Module> seen)
            {
                if (!seen.Add(this)) yield break;
                yield return (prefix, this);
                foreach (var (childName, child) in named_children())
                    foreach (var entry in child.NamedModules(Join(prefix, childName), seen))
                        yield return entry;
            }

            public IEnumerable<Module> modules() => named_modules().Select(m => m.module);

            /// <summary>Parameters with dotted names (own first, then each submodule's), each parameter once.</summary>
            public IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true) =>
                Distinct(Walk(recurse, m => m.ownParameters));

            public IEnumerable<Parameter> parameters(bool recurse = true) => named_parameters(recurse).Select(p => p.parameter);

            public IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true) =>
                Distinct(Walk(recurse, m => m.ownBuffers));

            public IEnumerable<Tensor> buffers(bool recurse = true) => named_buffers(recurse).Select(b => b.buffer);

            private IEnumerable<(string name, T value)> Walk<T>(bool recurse, Func<Module, OrderedDictionary<string, T>> pick)
            {
                var tree = recurse ? named_modules() : [("", this)];
                foreach (var (prefix, module) in tree)
                    foreach (var (key, value) in pick(module))
                        yield return (Join(prefix, key), value);
            }

            private static IEnumerable<(string name, T value)> Distinct<T>(IEnumerable<(string name, T value)> entries) where T : class
            {
                var seen = new HashSet<T>(ReferenceEqualityComparer.Instance);
                foreach (var entry in entries)
                    if (seen.Add(entry.value)) yield return entry;
            }

            private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

            // ---- training helpers ----

            /// <summary>Zeroes the gradients of all parameters (or drops them with set_to_none).</summary>
            public void zero_grad(bool set_to_none = false)
            {
                foreach (var p in parameters())
                {
                    if (set_to_none)
                    {
                        p.grad = null;
                        continue;
                    }
                    using var grad = p.grad;
                    grad?.zero_();
                }
            }

            /// <summary>
            /// Converts every parameter, gradient and buffer in place (PyTorch's <c>param.data = fn(param)</c>), so
            /// the objects held in fields and by optimizers stay valid. <paramref name="convert"/> returns null to
            /// leave a tensor as it is.
            /// </summary>
            internal void ConvertTensors(Func<Tensor, Tensor?> convert)
            {
                using var scope = NewDisposeScope();
                foreach (var p in parameters())
                {
                    SetData(p, convert(p));
                    var grad = p.grad;
                    if (grad is not null) SetData(grad, convert(grad));
                }
                foreach (var b in buffers()) SetData(b, convert(b));
            }

            private static void SetData(Tensor target, Tensor? data)
            {
                if (data is not null) Interop.Native.Status(Interop.NativeMethods.ts_tensor_set_data(target.Handle, data.Handle));
            }

            public void Dispose()
            {
                Dispose(true);
                GC.SuppressFinalize(this);
            }

            protected virtual void Dispose(bool disposing)
            {
                if (disposed || !disposing) return;
                disposed = true;
                foreach (var child in ownModules.Values) child.Dispose();
                foreach (var p in ownParameters.Values) p.Dispose();
                foreach (var b in ownBuffers.Values) b.Dispose();
                forwardHooks.Clear();
            }

            public override string ToString() => $"{GetType().Name}({name})";
        }
    }
}
