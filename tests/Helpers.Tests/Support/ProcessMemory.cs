namespace Helpers.Tests;

/// <summary>What Linux reports about this process's memory, from /proc/self.</summary>
public static class ProcessMemory
{
    /// <summary>Page faults served without reading from disk: field 10 (minflt) of /proc/self/stat.</summary>
    public static long MinorPageFaults()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        // Fields after the command name, which is in parentheses and may hold spaces; minflt is the 8th of them.
        return long.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[7]);
    }

    /// <summary>Resident set size in bytes: VmRSS of /proc/self/status.</summary>
    public static long ResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]) * 1024;
    }

    /// <summary>Runs finalizers of earlier garbage (tensors, scalars), so counts and sizes are settled.</summary>
    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
