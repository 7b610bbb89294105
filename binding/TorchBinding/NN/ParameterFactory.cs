namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Wraps a tensor as a trainable parameter (sharing its storage).</summary>
        public static Modules.Parameter Parameter(Tensor data, bool requires_grad = true) => new(data, requires_grad);

        /// <summary>An uninitialised parameter for a layer to fill (see <see cref="init.reset_layer"/>).</summary>
        internal static Modules.Parameter EmptyParameter(long[] shape, Device? device, ScalarType? dtype)
        {
            using var data = empty(shape, dtype, device);
            return new(data);
        }
    }
}
