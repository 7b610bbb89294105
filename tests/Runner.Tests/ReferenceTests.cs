using FluentAssertions;
using NotebookRunner.Tests.Support;
using Xunit;

namespace NotebookRunner.Tests;

/// <summary>
/// #r of locally built libraries by paths relative to the notebook's folder (given to nbrun by a
/// path relative to another folder), shared dependencies, library formatters and native neighbours.
/// </summary>
public sealed class ReferenceTests(ReferenceTests.Run run) : IClassFixture<ReferenceTests.Run>
{
    public sealed class Run : IAsyncLifetime
    {
        private readonly FixtureWorkspace workspace = new();

        internal ExecutedNotebook Notebook { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            File.Copy(SystemZlib(), Path.Combine(workspace.NotebookFolder, "lib", "libnbrunfixturez.so"));
            var savedDirectory = Environment.CurrentDirectory;
            Environment.CurrentDirectory = workspace.Root;
            try
            {
                Notebook = await InProcessRun.RunAsync(workspace, Path.Combine("notebooks", "references.ipynb"));
            }
            finally
            {
                Environment.CurrentDirectory = savedDirectory;
            }
        }

        public Task DisposeAsync()
        {
            workspace.Dispose();
            return Task.CompletedTask;
        }

        /// <summary>The system zlib, which the fixture's P/Invoke finds under another name beside Shapes.dll.</summary>
        private static string SystemZlib() =>
            new[] { "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib" }
                .Select(folder => Path.Combine(folder, "libz.so.1"))
                .FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("the reference tests copy the system zlib (Debian package zlib1g) beside the fixture DLL; libz.so.1 was not found");
    }

    private ExecutedNotebook Notebook => run.Notebook;

    [Fact]
    public void Relative_references_resolve_from_the_notebook_folder_and_share_one_copy_of_a_dependency()
    {
        Notebook.Result.Error.Should().BeNull();
        // Canvas.Scale (Drawing.dll) takes and returns Shape (Shapes.dll): a second loaded copy of
        // Shapes would make the notebook's Shape a different type and the call fail.
        ExecutedNotebook.Text(Notebook.Data(2, 0)["text/html"]).Should().Contain("<pre>6</pre>");
    }

    [Fact]
    public void A_duck_typed_library_formatter_formats_values_of_its_type()
    {
        Notebook.Data(3, 0).Select(pair => pair.Key).Should().Equal(["text/html"], "an HTML formatter exists and no preference is given");
        ExecutedNotebook.Text(Notebook.Data(3, 0)["text/html"]).Should().Be("<svg data-shape=\"square\" width=\"4\"></svg>");
        ExecutedNotebook.Text(Notebook.Data(4, 0)["text/plain"]).Should().Be("square (2)");
        Notebook.Data(5, 0).Select(pair => pair.Key).Should().Equal(["text/plain"], "Badge prefers text/plain");
        ExecutedNotebook.Text(Notebook.Data(5, 0)["text/plain"]).Should().Be("badge: gold");
    }

    [Fact]
    public void A_native_library_beside_a_referenced_dll_is_found()
    {
        ExecutedNotebook.Text(Notebook.Data(6, 0)["text/plain"]).Should().MatchRegex(@"^1\.\d+");
    }
}

/// <summary>Packages restored with #r "nuget:", with their kernel extensions.</summary>
public sealed class PackageTests : WorkspaceTest
{
    [Fact]
    public async Task Nuget_packages_are_restored_and_usable_their_kernel_extensions_load_and_another_version_is_refused()
    {
        var notebook = await InProcessRun.RunAsync(Workspace, "nuget.ipynb");

        var restore = notebook.Outputs(1);
        restore.Should().HaveCount(2, "the kernel's progress display is updated in place, then the extension loads");
        ExecutedNotebook.Text(notebook.Data(1, 0)["text/html"]).Should().Contain("Installed Packages")
            .And.Contain("Newtonsoft.Json, 12.0.3").And.Contain("SkiaSharp, 2.88.6");
        ExecutedNotebook.Text(notebook.Data(1, 1)["text/plain"]).Should().MatchRegex(
            "^Loading extensions from `.*/skiasharp/2.88.6/interactive-extensions/dotnet/SkiaSharp.DotNet.Interactive.dll`$");
        ExecutedNotebook.Text(notebook.Data(2, 0)["text/plain"]).Should().Be("{\"fine\":1}");
        notebook.Result.Error.Should().Be(
            "cell 4 (#r \"nuget: Newtonsoft.Json, 13.0.1\"): Newtonsoft.Json version 13.0.1 cannot be added because version 12.0.3 was added previously.");
    }
}
