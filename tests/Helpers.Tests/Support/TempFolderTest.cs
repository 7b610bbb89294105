namespace Helpers.Tests;

/// <summary>A test class whose every test gets its own <see cref="TempFolder"/> (xunit creates one instance per test).</summary>
public abstract class TempFolderTest : IDisposable
{
    protected TempFolder Temp { get; } = new();

    public void Dispose()
    {
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
