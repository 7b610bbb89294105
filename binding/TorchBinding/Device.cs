using TorchSharp.Interop;

namespace TorchSharp;

public static partial class torch
{
    public enum DeviceType
    {
        CPU = 0,
        CUDA = 1,
    }

    /// <summary>Where a tensor's storage lives.</summary>
    public sealed class Device : IEquatable<Device>
    {
        public DeviceType type { get; }
        public int index { get; }

        public Device(DeviceType type, int index = -1)
        {
            this.type = type;
            this.index = index;
        }

        /// <summary>Parses "cpu", "cuda" or "cuda:N".</summary>
        public Device(string description)
        {
            var parts = description.Trim().ToLowerInvariant().Split(':');
            type = parts[0] switch
            {
                "cpu" => DeviceType.CPU,
                "cuda" => DeviceType.CUDA,
                _ => throw new ArgumentException($"unknown device '{description}': expected 'cpu', 'cuda' or 'cuda:N'", nameof(description)),
            };
            index = parts.Length > 1 && int.TryParse(parts[1], out var i) ? i : -1;
        }

        public bool Equals(Device? other) => other is not null && other.type == type && other.index == index;
        public override bool Equals(object? obj) => Equals(obj as Device);
        public override int GetHashCode() => HashCode.Combine(type, index);

        public override string ToString() =>
            type == DeviceType.CPU ? "cpu" : index < 0 ? "cuda" : $"cuda:{index}";
    }

    public static readonly Device CPU = new(DeviceType.CPU);

    /// <summary>The first CUDA device.</summary>
    public static Device CUDA => new(DeviceType.CUDA, 0);

    public static Device device(string description) => new(description);
    public static Device device(DeviceType type, int index = -1) => new(type, index);

    public static class cuda
    {
        /// <summary>True when the libtorch build has CUDA and a GPU is present.</summary>
        public static bool is_available() => Native.Value(NativeMethods.ts_cuda_is_available()) == 1;

        public static int device_count() => Native.Value(NativeMethods.ts_cuda_device_count());

        public static void manual_seed_all(long seed) => Native.Status(NativeMethods.ts_cuda_manual_seed_all(seed));
    }
}
