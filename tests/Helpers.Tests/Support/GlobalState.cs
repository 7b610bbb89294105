namespace Helpers.Tests;

/// <summary>
/// Tests that change or rely on process-wide state (the current directory, the seeded stream of torch's
/// global random generator, chart settings) run in this collection: alone, after the parallel ones,
/// so no other test sees or disturbs that state.
/// </summary>
[CollectionDefinition(nameof(GlobalState), DisableParallelization = true)]
public class GlobalState;
