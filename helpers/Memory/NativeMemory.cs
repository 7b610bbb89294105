using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Helpers;

/// <summary>
/// Keeps memory that libtorch frees inside the process. libtorch's CPU allocator is glibc's malloc, which by default
/// hands large freed blocks back to the system after every training step (munmap, or trimming the heap); the next
/// step then faults every page in again, which made convolutional steps 3-4x slower than with the memory kept.
/// Applied when the helpers are first used (a module initializer), on Linux with glibc; elsewhere a no-op.
/// </summary>
/// <remarks>
/// The settings, through glibc's <c>mallopt</c> (the in-process form of the MALLOC_*_ environment variables):
/// <list type="bullet">
/// <item>M_MMAP_THRESHOLD = 32 MiB: blocks up to 32 MiB come from the heap instead of their own mapping. It is the
/// largest value glibc accepts (mallopt(3): at most DEFAULT_MMAP_THRESHOLD_MAX, 4 MiB x sizeof(long) on 64-bit,
/// half of a thread arena's 64 MiB heap), so larger blocks are still mapped and unmapped each time.</item>
/// <item>M_TRIM_THRESHOLD = -1: never give the top of the heap back (mallopt(3): -1 disables trimming).</item>
/// <item>M_TOP_PAD = 1,000,000,000: grow the heap in large steps (address space only; pages count once touched).</item>
/// </list>
/// The cost: memory a process used at its peak stays counted in its resident size until it exits.
/// </remarks>
public static class NativeMemory
{
    private const int MmapThresholdParameter = -3, TrimThresholdParameter = -1, TopPadParameter = -2;

    /// <summary>mallopt(3)'s upper limit for M_MMAP_THRESHOLD on 64-bit glibc.</summary>
    private const int MmapThreshold = 32 << 20;

    private const int TrimThreshold = -1;

    private const int TopPad = 1_000_000_000;

    private const string GlibcLibrary = "libc.so.6";

    private static readonly Lock Gate = new();

    /// <summary>True once glibc has accepted all three settings in this process.</summary>
    public static bool KeepsFreedMemory { get; private set; }

    /// <summary>Applies the settings (idempotent); does nothing where the C library is not glibc.</summary>
    public static void KeepFreedMemory()
    {
        lock (Gate)
        {
            if (KeepsFreedMemory || !IsGlibc()) return;
            KeepsFreedMemory = mallopt(MmapThresholdParameter, MmapThreshold) == 1
                             & mallopt(TrimThresholdParameter, TrimThreshold) == 1
                             & mallopt(TopPadParameter, TopPad) == 1;
        }
    }

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "the settings must precede the first tensor a notebook allocates")]
    internal static void ApplyOnLoad() => KeepFreedMemory();

    private static bool IsGlibc()
    {
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad(GlibcLibrary, out var libc)) return false;
        return NativeLibrary.TryGetExport(libc, "gnu_get_libc_version", out _);
    }

    [DllImport(GlibcLibrary)]
    private static extern int mallopt(int parameter, int value);
}
