namespace TorchSharp;

/// <summary>
/// Device and dtype moves for modules. They are extension methods so that <c>model.to(CUDA)</c> keeps the
/// model's static type; <c>using TorchSharp;</c> brings them into scope.
/// </summary>
public static class ModuleExtensionMethods
{
    public static T to<T>(this T module, torch.Device device) where T : torch.nn.Module
    {
        module.ConvertTensors(t => t.device.Equals(device) ? null : t.to(device));
        return module;
    }

    public static T to<T>(this T module, string device) where T : torch.nn.Module => module.to(new torch.Device(device));

    /// <summary>Converts the floating-point parameters and buffers; integer buffers keep their type, as in PyTorch.</summary>
    public static T to<T>(this T module, torch.ScalarType dtype) where T : torch.nn.Module
    {
        if (!torch.is_floating_point(dtype))
            throw new ArgumentException($"modules can only be converted to a floating-point dtype, not {dtype}", nameof(dtype));
        module.ConvertTensors(t => t.dtype == dtype || !torch.is_floating_point(t.dtype) ? null : t.to(dtype));
        return module;
    }

    public static T cpu<T>(this T module) where T : torch.nn.Module => module.to(torch.CPU);

    public static T cuda<T>(this T module) where T : torch.nn.Module => module.to(torch.CUDA);
}
