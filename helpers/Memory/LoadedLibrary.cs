using System.Runtime.InteropServices;

namespace Helpers;

/// <summary>
/// Finds an export of a native library that TorchSharp has already loaded into this process. The library is found
/// by asking for one that is loaded, never by a search: a search could load a second, different libtorch (Debian's
/// libtorch-dev puts one on the system's library path).
/// </summary>
internal static class LoadedLibrary
{
    /// <summary>TorchSharp's C glue, named as each system names it.</summary>
    public static readonly LibraryNames LibTorchSharp = new("libLibTorchSharp.so", "libLibTorchSharp.dylib", "LibTorchSharp.dll");

    /// <summary>libtorch's core (allocators, flags).</summary>
    public static readonly LibraryNames C10 = new("libc10.so", "libc10.dylib", "c10.dll");

    /// <summary>libtorch's CPU operators, with the BLAS (oneMKL on x64) linked into it.</summary>
    public static readonly LibraryNames TorchCpu = new("libtorch_cpu.so", "libtorch_cpu.dylib", "torch_cpu.dll");

    /// <summary>The address of <paramref name="symbol"/> (the first of the names that is exported), or null.</summary>
    public static IntPtr? Export(LibraryNames library, params string[] symbol)
    {
        var handle = Handle(library);
        if (handle == IntPtr.Zero) return null;
        foreach (var name in symbol)
            if (NativeLibrary.TryGetExport(handle, name, out var address)) return address;
        return null;
    }

    private static IntPtr Handle(LibraryNames library)
    {
        if (OperatingSystem.IsWindows()) return GetModuleHandleW(library.Windows);
        // RTLD_LAZY | RTLD_NOLOAD: a handle only for a library already loaded
        return OperatingSystem.IsMacOS() ? MacDlopen(library.MacOS, 0x1 | 0x10) : LinuxDlopen(library.Linux, 0x1 | 0x4);
    }

    /// <summary>dlopen from libdl.so.2, which every glibc has (since 2.34 it forwards to libc.so.6's).</summary>
    [DllImport("libdl.so.2", EntryPoint = "dlopen")]
    private static extern IntPtr LinuxDlopen([MarshalAs(UnmanagedType.LPUTF8Str)] string file, int mode);

    [DllImport("libSystem.dylib", EntryPoint = "dlopen")]
    private static extern IntPtr MacDlopen([MarshalAs(UnmanagedType.LPUTF8Str)] string file, int mode);

    [DllImport("kernel32", CharSet = CharSet.Unicode)]
    private static extern IntPtr GetModuleHandleW(string module);
}

/// <summary>One native library's file name on Linux, macOS and Windows.</summary>
internal sealed record LibraryNames(string Linux, string MacOS, string Windows);
