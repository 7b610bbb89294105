namespace Binding.Tests;

/// <summary>
/// Tests that read or change process-wide state (the live tensor count, resident memory, the random seed,
/// the thread count) run in this collection: xunit runs it alone, after the parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TensorGlobalState
{
    public const string Name = "process-wide torch state";
}
