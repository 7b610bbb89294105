using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Helpers;

/// <summary>
/// Keeps memory that libtorch frees inside the process. libtorch's CPU allocator is glibc's malloc, which by default
/// hands large freed blocks back to the system after every training step (munmap, or trimming the heap); the next
/// step then faults every page in again, which made convolutional steps 3-4x slower than with the memory kept.
/// Applied when the helpers are first used (a module initializer), on Linux with glibc; elsewhere a no-op. The same
/// initializer turns on <see cref="ZeroFill"/> and <see cref="MklAvx512"/>.
/// </summary>
/// <remarks>
/// The settings, through glibc's <c>mallopt</c> (the in-process form of the MALLOC_*_ environment variables that
/// were measured; mallopt takes an int, so their 10^12 and 10^11 do not fit):
/// <list type="bullet">
/// <item>M_MMAP_THRESHOLD: blocks below it come from the heap instead of a mapping of their own, made and unmade
/// for each block. The largest value glibc accepts: 2^31 - 1 where it takes any int (glibc 2.36 does, and serves a
/// 48 MiB block from the heap then), else mallopt(3)'s documented limit DEFAULT_MMAP_THRESHOLD_MAX, 32 MiB on 64-bit
/// (half of a thread arena's 64 MiB heap), above which blocks are still mapped and unmapped each time. A block larger
/// than a thread arena's heap is mapped whatever the threshold.</item>
/// <item>M_TRIM_THRESHOLD = -1: never give the top of the heap back (mallopt(3): -1 disables trimming).</item>
/// <item>M_TOP_PAD = 10^9, as measured: grow the heap in large steps, and keep a thread arena's heaps even when they
/// fall empty (glibc frees such a heap only when more than the pad would remain). Address space only: pages count
/// once touched.</item>
/// </list>
/// The cost: memory a process used at its peak stays counted in its resident size until it exits.
/// </remarks>
public static class NativeMemory
{
    private const int MmapThresholdParameter = -3, TrimThresholdParameter = -1, TopPadParameter = -2;

    /// <summary>mallopt(3)'s documented upper limit for M_MMAP_THRESHOLD on 64-bit glibc, for a glibc that enforces it.</summary>
    private const int DocumentedMmapThresholdLimit = 32 << 20;

    private const int TrimThreshold = -1;

    private const int TopPad = 1_000_000_000;

    private const string GlibcLibrary = "libc.so.6";

    private static readonly Lock Gate = new();

    /// <summary>True once glibc has accepted all three settings in this process.</summary>
    public static bool KeepsFreedMemory { get; private set; }

    /// <summary>The M_MMAP_THRESHOLD glibc accepted, in bytes; 0 until the settings apply.</summary>
    internal static int MmapThreshold { get; private set; }

    /// <summary>Applies the settings (idempotent); does nothing where the C library is not glibc.</summary>
    public static void KeepFreedMemory()
    {
        lock (Gate)
        {
            if (KeepsFreedMemory || !IsGlibc()) return;
            var threshold = new[] { int.MaxValue, DocumentedMmapThresholdLimit }
                .FirstOrDefault(value => mallopt(MmapThresholdParameter, value) == 1);
            var kept = mallopt(TrimThresholdParameter, TrimThreshold) == 1 & mallopt(TopPadParameter, TopPad) == 1;
            (MmapThreshold, KeepsFreedMemory) = (threshold, threshold > 0 && kept);
        }
    }

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "the settings must precede the first tensor a notebook allocates")]
    internal static void ApplyOnLoad()
    {
        KeepFreedMemory();
        try
        {
            ZeroFill.TurnOn();
            MklAvx512.TurnOn();
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException or NotSupportedException or InvalidOperationException)
        {
            // TorchSharp's native libraries did not load. Not the helpers' error to report: the notebook's first
            // tensor operation reports it, with TorchSharp's own trace of where it looked.
        }
    }

    private static bool IsGlibc()
    {
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad(GlibcLibrary, out var libc)) return false;
        return NativeLibrary.TryGetExport(libc, "gnu_get_libc_version", out _);
    }

    [DllImport(GlibcLibrary)]
    private static extern int mallopt(int parameter, int value);
}
