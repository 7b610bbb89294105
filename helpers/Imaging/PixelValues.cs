using TorchSharp;

namespace Helpers;

/// <summary>Moves 8-bit pixels between byte arrays and float tensors in [0, 1].</summary>
internal static class PixelValues
{
    /// <summary>Bytes 0..255 as a float32 tensor in [0, 1].</summary>
    public static torch.Tensor ToTensor(byte[] pixels, long[] shape)
    {
        using var raw = torch.tensor(pixels, shape);
        return raw.to(torch.float32).div_(255);
    }

    /// <summary>
    /// The elements of an image tensor as bytes, row-major: uint8 as is, anything else read as
    /// intensities in [0, 1] (values outside are clipped, as matplotlib's imshow does).
    /// </summary>
    public static byte[] ToBytes(torch.Tensor images)
    {
        using var scope = torch.NewDisposeScope();
        var cpu = images.detach().cpu();
        if (cpu.dtype == torch.uint8) return cpu.contiguous().data<byte>().ToArray();
        if (!torch.is_floating_point(cpu.dtype))
            throw new ArgumentException($"images must be floating point in [0, 1] or uint8, got {cpu.dtype}", nameof(images));
        return cpu.to(torch.float32).clamp(0, 1).mul_(255).round().to(torch.uint8).contiguous().data<byte>().ToArray();
    }
}
