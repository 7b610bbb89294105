using System.Runtime.InteropServices;

namespace Fixtures.Shapes;

/// <summary>
/// Calls a native library by a name only found beside this DLL (a renamed copy of zlib the
/// test puts there), to show a #r'd library's native neighbours load.
/// </summary>
public static class NativeZlib
{
    [DllImport("nbrunfixturez", EntryPoint = "zlibVersion")]
    private static extern IntPtr ZlibVersion();

    public static string Version() => Marshal.PtrToStringAnsi(ZlibVersion()) ?? "";
}
