using System.Runtime.CompilerServices;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;

namespace Helpers;

/// <summary>
/// Registers, when the helpers load in a .NET Interactive kernel (Polyglot, our runner), the formatters that show a
/// <see cref="DataFrame"/> as a table (<see cref="DataFrames.ToHtml"/>, <see cref="DataFrames.ToText"/>): without
/// them the kernel shows a DataFrame as an object tree. The helpers' own figures need none of this (they carry
/// TypeFormatterSourceAttribute), but an attribute cannot be put on a type of another library, so DataFrame's
/// formatters go to the kernel's formatter registry.
/// </summary>
/// <remarks>
/// The helpers reference Microsoft.DotNet.Interactive.Formatting at compile time only and use the copy the kernel
/// loaded (its assembly version has been 1.0.0.0 across releases). Outside a kernel (the apps, a plain program) that
/// assembly is absent, and there is nothing to register with. Microsoft.Data.Analysis' package brings a kernel
/// extension with a formatter of its own (an index column, 25 rows per page through script buttons, which an exported
/// page cannot page); the kernel uses the formatter registered last for a type, and the helpers load after the
/// set-up cell that restored the package, so theirs is the one a notebook shows.
/// </remarks>
internal static class KernelFormatters
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "a library has no other moment at which a notebook's kernel lets it register formatters")]
    internal static void RegisterOnLoad()
    {
        try
        {
            Register();
        }
        catch (FileNotFoundException)
        {
            // Not in a kernel: no formatter to register with.
        }
        catch (Exception e) when (e is FileLoadException or MissingMethodException or TypeLoadException)
        {
            Console.Error.WriteLine($"The helpers could not register their DataFrame formatter with this kernel, so DataFrames show as object trees: {e.Message}");
        }
    }

    /// <summary>Registers DataFrame's HTML and text formatters, text/html first; a method of its own so that calling it is what loads the kernel's assembly.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Register()
    {
        Formatter.Register<DataFrame>((frame, writer) => writer.Write(DataFrames.ToHtml(frame)), HtmlFormatter.MimeType);
        Formatter.Register<DataFrame>((frame, writer) => writer.Write(DataFrames.ToText(frame)), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(DataFrame), HtmlFormatter.MimeType);
    }
}
