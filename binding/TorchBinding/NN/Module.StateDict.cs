namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public abstract partial class Module
        {
            /// <summary>
            /// Every parameter and buffer under its dotted path ("enc_0.weight"), in PyTorch's order. The values are
            /// the module's own tensors, not copies: do not dispose them.
            /// </summary>
            public Dictionary<string, Tensor> state_dict()
            {
                var result = new Dictionary<string, Tensor>();
                foreach (var (prefix, module) in named_modules())
                {
                    foreach (var (key, p) in module.ownParameters) result[Join(prefix, key)] = p;
                    foreach (var (key, b) in module.ownBuffers) result[Join(prefix, key)] = b;
                }
                return result;
            }

            /// <summary>
            /// Copies values into this module's parameters and buffers. Shapes must match; with
            /// <paramref name="strict"/> the names must match exactly. Nothing is copied when the check fails.
            /// </summary>
            public (IList<string> missing_keys, IList<string> unexpected_keys) load_state_dict(
                IReadOnlyDictionary<string, Tensor> state_dict, bool strict = true)
            {
                ArgumentNullException.ThrowIfNull(state_dict);
                return LoadStateDict(state_dict, strict, "state dict", "the state dict", nameof(state_dict));
            }

            private (IList<string> missing_keys, IList<string> unexpected_keys) LoadStateDict(
                IReadOnlyDictionary<string, Tensor> source, bool strict, string sourceName, string origin, string argumentName)
            {
                var target = this.state_dict();
                var missing = target.Keys.Where(k => !source.ContainsKey(k)).ToList();
                var unexpected = source.Keys.Where(k => !target.ContainsKey(k)).ToList();
                var problems = target.Where(kv => source.ContainsKey(kv.Key))
                    .Select(kv => (kv.Key, have: source[kv.Key].shape, want: kv.Value.shape))
                    .Where(e => !e.have.SequenceEqual(e.want))
                    .Select(e => $"{e.Key}: {sourceName} has {Tensor.ShapeString(e.have)}, model has {Tensor.ShapeString(e.want)}")
                    .ToList();
                if (strict && missing.Count > 0) problems.Add($"missing from the {sourceName}: {string.Join(", ", missing)}");
                if (strict && unexpected.Count > 0) problems.Add($"not in the model: {string.Join(", ", unexpected)}");
                if (problems.Count > 0)
                    throw new ArgumentException($"cannot load {origin} into module '{name}':\n  " + string.Join("\n  ", problems), argumentName);

                using (no_grad())
                    foreach (var (key, tensor) in target)
                        if (source.TryGetValue(key, out var value)) tensor.copy_(value);
                return (missing, unexpected);
            }

            /// <summary>Writes the state dict to <paramref name="location"/> in TorchSharp's format (see <see cref="torch.save"/>).</summary>
            public Module save(string location)
            {
                torch.save(state_dict(), location);
                return this;
            }

            /// <summary>
            /// Reads a file written by <see cref="save"/> (or TorchSharp, or exportsd.py) into this module, which must
            /// have the same structure; the error names the file and every mismatch.
            /// </summary>
            public Module load(string location, bool strict = true)
            {
                using var scope = NewDisposeScope();
                LoadStateDict(torch.load(location), strict, "file", $"'{location}'", nameof(location));
                return this;
            }
        }
    }
}
