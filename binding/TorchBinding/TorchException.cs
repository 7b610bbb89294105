using System.Runtime.InteropServices;

namespace TorchSharp;

/// <summary>An error reported by libtorch, carrying libtorch's own explanation.</summary>
public sealed class TorchException : ExternalException
{
    public TorchException(string message) : base(message) { }
}
