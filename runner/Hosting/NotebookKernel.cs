using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace NotebookRunner.Hosting;

/// <summary>
/// The kernel a notebook runs in, put together as the dotnet-interactive tool that VS Code starts
/// puts together its C# part: a CompositeKernel holding a CSharpKernel with #r "nuget:" (whose
/// restored assemblies are added to the kernel), the kernel helpers (display, HTML), #!who and
/// #!set, and on the composite #!import, #!time, #!markdown and the packages' own kernel extensions.
/// </summary>
internal static class NotebookKernel
{
    public static CompositeKernel Create()
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective(AddRestoredAssemblies)
            .UseKernelHelpers()
            .UseWho()
            .UseValueSharing();
        var root = new CompositeKernel();
        root.Add(csharp, ["c#", "C#"]);
        root.DefaultKernelName = csharp.Name;
        root.UseImportMagicCommand();
        TimeMagic.AddTo(root);
        MarkdownMagic.AddTo(root);
        PackageExtensions.UseIn(root);
        return root;
    }

    /// <summary>The names and aliases of the kernels a cell can be sent to.</summary>
    public static IReadOnlyList<string> Names(CompositeKernel root) =>
        root.ChildKernels.SelectMany(kernel => kernel.KernelInfo.Aliases.Prepend(kernel.Name)).Distinct().ToList();

    private static Task AddRestoredAssemblies(CSharpKernel kernel, IReadOnlyList<ResolvedPackageReference> packages)
    {
        kernel.AddAssemblyReferences(packages.SelectMany(package => package.AssemblyPaths));
        return Task.CompletedTask;
    }
}
