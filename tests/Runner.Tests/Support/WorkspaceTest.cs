namespace NotebookRunner.Tests.Support;

/// <summary>Base for tests that each get a fresh copy of the fixtures, removed afterwards.</summary>
public abstract class WorkspaceTest : IDisposable
{
    internal FixtureWorkspace Workspace { get; } = new();

    public void Dispose()
    {
        Workspace.Dispose();
        GC.SuppressFinalize(this);
    }
}
