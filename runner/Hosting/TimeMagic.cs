using System.Diagnostics;
using System.Globalization;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookRunner.Hosting;

/// <summary>
/// #!time: after the cell, shows "Wall time: {milliseconds}ms" as text/plain. The dotnet-interactive
/// tool gets it from Microsoft.DotNet.Interactive.Jupyter, a package our feed does not serve, so it
/// is added here through the kernel's own directive API, with the same output (polyglot.md §2).
/// </summary>
internal static class TimeMagic
{
    public static void AddTo(CompositeKernel kernel) =>
        kernel.AddDirective(new KernelActionDirective("#!time", "Time the execution of the cell"), StartClock);

    private static Task StartClock(KernelCommand _, KernelInvocationContext context)
    {
        var clock = Stopwatch.StartNew();
        context.OnComplete(completed =>
        {
            var elapsed = clock.Elapsed;
            var text = $"Wall time: {elapsed.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms";
            completed.Publish(new DisplayedValueProduced(elapsed, context.Command, [new FormattedValue(PlainTextFormatter.MimeType, text)]));
        });
        return Task.CompletedTask;
    }
}
