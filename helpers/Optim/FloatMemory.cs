using TorchSharp;
using static TorchSharp.torch;

namespace Helpers;

/// <summary>
/// The float32 memory of a CPU tensor, for the fused optimizer updates. TorchSharp's managed API has no span over a
/// tensor's memory; its C glue exports <c>THSTensor_data</c> (the tensor's <c>data_ptr()</c>), which is used here
/// only for a contiguous float32 tensor on the CPU, while the tensor is alive.
/// </summary>
internal static unsafe class FloatMemory
{
    private static readonly Lazy<IntPtr> DataFunction = new(() =>
        LoadedLibrary.Export(LoadedLibrary.LibTorchSharp, "THSTensor_data") ?? IntPtr.Zero);

    /// <summary>True where the fused updates can run: TorchSharp's glue exports what they need.</summary>
    public static bool IsAvailable => DataFunction.Value != IntPtr.Zero;

    /// <summary>Whether <paramref name="tensor"/>'s elements are one float32 array in CPU memory.</summary>
    public static bool IsFlatCpuFloat(Tensor tensor) =>
        tensor.device_type == DeviceType.CPU && tensor.dtype == ScalarType.Float32 && tensor.is_contiguous();

    /// <summary>The first element of a tensor for which <see cref="IsFlatCpuFloat"/> holds.</summary>
    public static float* Of(Tensor tensor)
    {
        var data = ((delegate* unmanaged<IntPtr, IntPtr>)DataFunction.Value)(tensor.Handle);
        if (data == IntPtr.Zero)
            throw new InvalidOperationException($"libtorch gave no memory for a tensor of shape [{string.Join(", ", tensor.shape)}]");
        return (float*)data;
    }
}
