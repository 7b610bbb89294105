using Microsoft.DotNet.Interactive.Events;
using NotebookRunner.Protocol;

namespace NotebookRunner.Hosting;

/// <summary>
/// The kernel events that become cell outputs in VS Code, as messages for the runner. Polyglot
/// turns displayed values, their updates and return values into outputs alike, matched by value
/// id, and leaves out formatted values marked SuppressDisplay; so do these messages.
/// </summary>
internal static class EventMessages
{
    public static KernelMessage? From(KernelEvent kernelEvent) => kernelEvent switch
    {
        StandardOutputValueProduced output => Stream(KernelMessage.Stdout, output),
        StandardErrorValueProduced output => Stream(KernelMessage.Stderr, output),
        DisplayedValueProduced or DisplayedValueUpdated or ReturnValueProduced => Display((DisplayEvent)kernelEvent),
        _ => null,
    };

    private static KernelMessage Stream(string kind, DisplayEvent output) =>
        new(kind, Text: string.Concat(output.FormattedValues.Select(value => value.Value)));

    private static KernelMessage? Display(DisplayEvent display)
    {
        var values = display.FormattedValues
            .Where(value => !value.SuppressDisplay)
            .Select(value => new MimeValue(value.MimeType, value.Value))
            .ToList();
        return values.Count == 0 ? null : new KernelMessage(KernelMessage.Display, Id: display.ValueId, Values: values);
    }
}
