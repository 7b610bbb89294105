using FluentAssertions;
using NotebookRunner.Tests.Support;
using Xunit;

namespace NotebookRunner.Tests;

/// <summary>#r of locally built libraries: relative paths, shared dependencies, library formatters, native neighbours.</summary>
public sealed class ReferenceTests : WorkspaceTest
{
    [Fact]
    public async Task Relative_references_resolve_from_the_notebook_folder_and_share_one_copy_of_a_dependency()
    {
        var notebook = await InProcessRun.RunAsync(Workspace, "references.ipynb");

        notebook.Result.Error.Should().BeNull();
        // Canvas.Scale (Drawing.dll) takes and returns Shape (Shapes.dll): a second loaded copy of
        // Shapes would make the notebook's Shape a different type and the call fail.
        ExecutedNotebook.Text(notebook.Data(2, 0)["text/html"]).Should().Contain("<pre>6</pre>");
    }

    [Fact]
    public async Task A_notebook_given_by_a_relative_path_still_resolves_references_from_its_own_folder()
    {
        var savedDirectory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Workspace.Root;
        try
        {
            var notebook = await InProcessRun.RunAsync(Workspace, Path.Combine("notebooks", "references.ipynb"));

            notebook.Result.Error.Should().BeNull();
        }
        finally
        {
            Environment.CurrentDirectory = savedDirectory;
        }
    }

    [Fact]
    public async Task A_duck_typed_library_formatter_formats_values_of_its_type()
    {
        var notebook = await InProcessRun.RunAsync(Workspace, "references.ipynb");

        notebook.Data(3, 0).Select(pair => pair.Key).Should().Equal(["text/html"], "an HTML formatter exists and no preference is given");
        ExecutedNotebook.Text(notebook.Data(3, 0)["text/html"]).Should().Be("<svg data-shape=\"square\" width=\"4\"></svg>");
        ExecutedNotebook.Text(notebook.Data(4, 0)["text/plain"]).Should().Be("square (2)");
        notebook.Data(5, 0).Select(pair => pair.Key).Should().Equal(["text/plain"], "Badge prefers text/plain");
        ExecutedNotebook.Text(notebook.Data(5, 0)["text/plain"]).Should().Be("badge: gold");
    }

    [Fact]
    public async Task A_native_library_beside_a_referenced_dll_is_found()
    {
        var zlib = new[] { "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib" }
            .Select(folder => Path.Combine(folder, "libz.so.1"))
            .FirstOrDefault(File.Exists);
        zlib.Should().NotBeNull("the test copies the system zlib (Debian package zlib1g) beside the fixture DLL");
        File.Copy(zlib!, Path.Combine(Workspace.NotebookFolder, "lib", "libnbrunfixturez.so"));

        var notebook = await InProcessRun.RunAsync(Workspace, "native.ipynb");

        notebook.Result.Error.Should().BeNull();
        ExecutedNotebook.Text(notebook.Data(1, 0)["text/plain"]).Should().MatchRegex(@"^1\.\d+");
    }
}
