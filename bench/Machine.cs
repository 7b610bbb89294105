namespace Bench;

/// <summary>What the results were measured on, for the report: CPU model, cores, memory, OS.</summary>
internal static class Machine
{
    public static string Description
    {
        get
        {
            var cpu = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim()
                : null;
            var memory = File.Exists("/proc/meminfo")
                ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:"))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
                : null;
            var gigabytes = long.TryParse(memory, out var kb) ? $", {kb / 1024.0 / 1024:F0} GB" : "";
            var avx512 = System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? " with AVX-512" : "";
            return $"{Environment.ProcessorCount} cores of {cpu ?? "an unknown CPU"}{avx512}{gigabytes}, "
                   + $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
        }
    }
}

/// <summary>
/// The retired libtorch-1.13 binding's last step times (README, 2026-11-26: `make bench` with 3 rounds of 20 steps,
/// 2 threads, this machine): a fixed reference, not re-run; the binding is no longer part of the project.
/// </summary>
internal static class Binding
{
    public const string Date = "2026-11-26";

    public static readonly IReadOnlyDictionary<string, double> Milliseconds = new Dictionary<string, double>
    {
        ["01-dense-tanh"] = 5.80,
        ["02-dense-relu"] = 5.61,
        ["03-conv-a"] = 36.81,
        ["03-conv-b"] = 12.27,
        ["04-autoencoder"] = 6.95,
        ["04-fashion-vae"] = 1.99,
        ["04-probabilistic-vae"] = 396.76,
    };
}
