using System.Runtime.InteropServices;

namespace Helpers.Tests;

/// <summary>glibc's allocator statistics (mallinfo2(3)), summed over all its arenas.</summary>
public static class Glibc
{
    [StructLayout(LayoutKind.Sequential)]
    public struct MallInfo2
    {
        public nuint Arena, OrdinaryBlocks, SmallBlocks, MappedBlocks, MappedBytes, Unused1, Unused2, AllocatedBytes, FreeBytes, KeepCost;
    }

    [DllImport("libc.so.6", EntryPoint = "mallinfo2")]
    public static extern MallInfo2 MallocInfo();
}
