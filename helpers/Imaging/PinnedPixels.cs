using System.Runtime.InteropServices;

namespace Helpers;

/// <summary>
/// A managed pixel array held in place while SkiaSharp reads or writes it through a pointer, so pictures
/// pass to and from Skia without a copy in native memory.
/// </summary>
internal sealed class PinnedPixels(byte[] pixels) : IDisposable
{
    private GCHandle handle = GCHandle.Alloc(pixels, GCHandleType.Pinned);

    public IntPtr Address => handle.AddrOfPinnedObject();

    public void Dispose() => handle.Free();
}
