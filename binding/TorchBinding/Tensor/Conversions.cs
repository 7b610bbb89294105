using TorchSharp.Interop;

namespace TorchSharp;

public static partial class torch
{
    public partial class Tensor
    {
        public Tensor to(ScalarType type) => Native.Tensor(NativeMethods.ts_tensor_to_dtype(Handle, (sbyte)type));

        /// <summary>Copies to a device; with disposeAfter the source is disposed (x = x.to(CUDA, disposeAfter: true)).</summary>
        public Tensor to(Device device, bool disposeAfter = false)
        {
            var result = Native.Tensor(NativeMethods.ts_tensor_to_device(Handle, (int)device.type, device.index));
            if (disposeAfter) Dispose();
            return result;
        }

        public Tensor to(string device) => to(new Device(device));

        public Tensor cpu() => to(CPU);

        public Tensor cuda() => to(CUDA);

        public Tensor @float() => to(ScalarType.Float32);

        public Tensor @double() => to(ScalarType.Float64);

        public Tensor @long() => to(ScalarType.Int64);

        public Tensor @bool() => to(ScalarType.Bool);

        public Tensor type(ScalarType type) => to(type);

        /// <summary>A new handle to the same tensor (TorchSharp's "fresh reference").</summary>
        public Tensor alias() => Native.Tensor(NativeMethods.ts_tensor_alias(Handle));

        public Tensor clone() => Native.Tensor(NativeMethods.ts_tensor_clone(Handle));

        public Tensor contiguous() => Native.Tensor(NativeMethods.ts_tensor_contiguous(Handle));

        /// <summary>The same data, cut off from the autograd graph.</summary>
        public Tensor detach() => Native.Tensor(NativeMethods.ts_tensor_detach(Handle));
    }
}
