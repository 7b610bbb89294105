using System.Runtime.InteropServices;

namespace Fixtures.Shapes;

/// <summary>
/// Kills the process from native code, as a crashing native library would: the C library reads
/// through a null pointer, a segfault outside managed code that no handler can turn into an exception.
/// </summary>
public static class NativeCrash
{
    [DllImport("libc", EntryPoint = "strlen")]
    private static extern nint StringLength(nint text);

    public static void Segfault() => StringLength(0);
}
