using System.Runtime.CompilerServices;

namespace Helpers.Tests;

internal static class TorchThreads
{
    /// <summary>
    /// The tests' tensors are small, and on a machine whose cores are busy libtorch's worker threads spin waiting
    /// for each other; one thread keeps the suite fast under load and changes no result.
    /// </summary>
    [ModuleInitializer]
    internal static void UseOne() => set_num_threads(1);
}
