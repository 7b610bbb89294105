using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>y = x Wᵀ + b with weight [out, in], initialised like PyTorch.</summary>
    public sealed class Linear : nn.Module<Tensor, Tensor>
    {
        internal Linear(long inputSize, long outputSize, bool hasBias, Device? device, ScalarType? dtype) : base(nameof(Linear))
        {
            in_features = inputSize;
            out_features = outputSize;
            weight = nn.EmptyParameter([outputSize, inputSize], device, dtype);
            bias = hasBias ? nn.EmptyParameter([outputSize], device, dtype) : null;
            nn.init.reset_layer(weight, bias);
            RegisterComponents();
        }

        public long in_features { get; }
        public long out_features { get; }
        public Parameter weight { get; }
        public Parameter? bias { get; }

        public override Tensor forward(Tensor input) => nn.functional.linear(input, weight, bias);
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A fully connected layer: https://pytorch.org/docs/1.13/generated/torch.nn.Linear.html</summary>
            public static Modules.Linear Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null) =>
                new(inputSize, outputSize, hasBias, device, dtype);
        }
    }
}
