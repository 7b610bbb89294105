namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Wraps a tensor as a trainable parameter (sharing its storage).</summary>
        public static Modules.Parameter Parameter(Tensor data, bool requires_grad = true) => new(data, requires_grad);
    }
}
