using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>
    /// Runs its modules in order, each on the previous one's output (through <c>call</c>, so hooks fire), and disposes
    /// every intermediate result as soon as the next module has consumed it.
    /// </summary>
    public sealed class Sequential : nn.Module<Tensor, Tensor>
    {
        private readonly List<nn.Module<Tensor, Tensor>> layers = [];

        internal Sequential(IEnumerable<(string name, nn.Module<Tensor, Tensor> module)> modules) : base(nameof(Sequential))
        {
            foreach (var (name, module) in modules) append(name, module);
        }

        public int Count => layers.Count;

        public nn.Module<Tensor, Tensor> this[int index] => layers[index];

        /// <summary>Adds a module at the end under <paramref name="name"/>.</summary>
        public Sequential append(string name, nn.Module<Tensor, Tensor> module)
        {
            register_module(name, module);
            layers.Add(module);
            return this;
        }

        /// <summary>Adds a module at the end, named by its position ("0", "1", ...).</summary>
        public Sequential append(nn.Module<Tensor, Tensor> module) => append(layers.Count.ToString(), module);

        public override Tensor forward(Tensor input)
        {
            if (layers.Count == 0) return input.alias();
            var x = layers[0].call(input);
            foreach (var layer in layers.Skip(1))
            {
                var next = layer.call(x);
                x.Dispose();
                x = next;
            }
            return x;
        }
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Modules.Sequential Sequential(params (string name, Module<Tensor, Tensor> module)[] modules) => new(modules);

            /// <summary>A Sequential whose modules are named by position ("0", "1", ...), as in PyTorch.</summary>
            public static Modules.Sequential Sequential(params Module<Tensor, Tensor>[] modules) =>
                new(modules.Select((m, i) => (i.ToString(), m)));

            public static Modules.Sequential Sequential(IEnumerable<(string name, Module<Tensor, Tensor> module)> modules) => new(modules);
        }
    }
}
