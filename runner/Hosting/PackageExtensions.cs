using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;

namespace NotebookRunner.Hosting;

/// <summary>
/// Loads the kernel extensions a restored package carries in interactive-extensions/dotnet (SkiaSharp,
/// which TorchSharp depends on, has one), as the dotnet-interactive tool does once the cell that
/// restored the package has run: it shows "Loading extensions from `path`", calls OnLoadAsync of
/// each IKernelExtension there and runs an extension.dib beside them. The tool's loader belongs to
/// the tool, not to a package, so it is written here against the kernel's public API.
/// </summary>
internal static class PackageExtensions
{
    private const string ScriptName = "extension.dib";

    public static void UseIn(CompositeKernel kernel)
    {
        var seenRoots = new ConcurrentDictionary<string, byte>();
        var pendingFolders = new ConcurrentQueue<string>();
        kernel.RegisterForDisposal(kernel.KernelEvents.Subscribe(kernelEvent =>
        {
            if (kernelEvent is PackageAdded { PackageReference.PackageRoot: { } root } && seenRoots.TryAdd(root, 0))
                pendingFolders.Enqueue(Path.Combine(root, "interactive-extensions", "dotnet"));
        }));
        kernel.AddMiddleware(async (command, context, next) =>
        {
            await next(command, context);
            while (pendingFolders.TryDequeue(out var folder))
            {
                if (Directory.Exists(folder))
                    await LoadAsync(folder, kernel, context);
            }
        });
    }

    private static async Task LoadAsync(string folder, CompositeKernel kernel, KernelInvocationContext context)
    {
        foreach (var dll in Directory.GetFiles(folder, "*.dll"))
        {
            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(dll);
            var extensions = assembly.ExportedTypes.Where(IsExtension).ToList();
            if (extensions.Count > 0)
                KernelInvocationContextExtensions.Display(context, $"Loading extensions from `{assembly.Location}`");
            foreach (var type in extensions)
            {
                var extension = (IKernelExtension)Activator.CreateInstance(type)!;
                try
                {
                    await extension.OnLoadAsync(kernel);
                    context.Publish(new KernelExtensionLoaded(extension, context.Command));
                }
                catch (Exception error)
                {
                    context.Fail(context.Command, new KernelExtensionLoadException(error),
                        $"Failed to load kernel extension \"{type.Name}\" from assembly {assembly.Location}: {error.Message}");
                }
            }
        }
        var script = new FileInfo(Path.Combine(folder, ScriptName));
        if (script.Exists)
        {
            KernelInvocationContextExtensions.Display(context, $"Loading extension script from `{script.FullName}`");
            await kernel.LoadAndRunInteractiveDocument(script, context.Command);
        }
    }

    private static bool IsExtension(Type type) =>
        typeof(IKernelExtension).IsAssignableFrom(type) && type is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false };
}
