using System.Reflection;
using System.Runtime.CompilerServices;

namespace Helpers;

/// <summary>
/// Registers, in the notebook kernel, the text/html formatter for XPlot's <c>PlotlyChart</c> that the package
/// XPlot.Plotly.Interactive would register (it is not served), so any XPlot chart, the helpers' or one a notebook
/// builds, draws as a cell's last expression. Our formatter is <see cref="Charts.ToNotebookHtml"/>.
/// The helpers reference no .NET Interactive assembly (as for <see cref="TypeFormatterSourceAttribute"/>): they
/// find the kernel's <c>Formatter</c> among the loaded assemblies and call its public
/// <c>Register(Type, Action&lt;object, TextWriter&gt;, string)</c>. Outside a kernel nothing happens.
/// </summary>
internal static class ChartFormatter
{
    private const string FormattingAssembly = "Microsoft.DotNet.Interactive.Formatting";
    private const string ChartAssembly = "XPlot.Plotly";

    private static readonly Lock Gate = new();
    private static bool registered;

    /// <summary>Whether the formatter is registered with a kernel's Formatter in this process.</summary>
    public static bool IsRegistered
    {
        get { lock (Gate) return registered; }
    }

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "a chart may be a notebook's first use of the helpers")]
    internal static void RegisterWhenPossible()
    {
        // Either assembly may load after the helpers (a test touches Formatter late; a notebook references XPlot later).
        AppDomain.CurrentDomain.AssemblyLoad += OnAssemblyLoad;
        TryRegister();
    }

    private static void OnAssemblyLoad(object? sender, AssemblyLoadEventArgs args)
    {
        if (args.LoadedAssembly.GetName().Name is FormattingAssembly or ChartAssembly) TryRegister();
    }

    private static void TryRegister()
    {
        lock (Gate)
        {
            if (registered) return;
            var loaded = AppDomain.CurrentDomain.GetAssemblies();
            var formatting = loaded.FirstOrDefault(a => a.GetName().Name == FormattingAssembly);
            if (formatting is null || !loaded.Any(a => a.GetName().Name == ChartAssembly)) return;
            var formatter = formatting.GetType("Microsoft.DotNet.Interactive.Formatting.Formatter");
            var register = formatter?.GetMethod("Register", BindingFlags.Public | BindingFlags.Static, [typeof(Type), typeof(Action<object, TextWriter>), typeof(string)]);
            if (register is null)
            {
                // Not worth failing the helpers' load for (it runs in their module initializer): say so in the cell's output.
                Console.Error.WriteLine($"Charts will show as object trees: {formatting.FullName} has no Formatter.Register(Type, " +
                                        "Action<object, TextWriter>, string); the helpers were tested with 1.0.0-beta.26120.1.");
                AppDomain.CurrentDomain.AssemblyLoad -= OnAssemblyLoad;
                return;
            }
            register.Invoke(null, [ChartType(), (Action<object, TextWriter>)Write, "text/html"]);
            AppDomain.CurrentDomain.AssemblyLoad -= OnAssemblyLoad;
            registered = true;
        }
    }

    // Kept out of TryRegister so that the JIT resolves XPlot's type only once XPlot is known to be loaded.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Type ChartType() => typeof(XPlot.Plotly.PlotlyChart);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Write(object chart, TextWriter writer) =>
        writer.Write(((XPlot.Plotly.PlotlyChart)chart).ToNotebookHtml());
}
