using NotebookRunner.Formatting;

namespace NotebookRunner.Interactive;

/// <summary>
/// The helpers a notebook sees as globals, with the names and signatures of .NET
/// Interactive's Kernel class (polyglot.md §3); the runner submits "using static" for it
/// before the first cell, as the C# kernel does.
/// </summary>
public static class Kernel
{
#pragma warning disable IDE1006 // Lower-case names match .NET Interactive, so notebooks run unchanged in both.
    public static DisplayedValue display(object? value, params string[] mimeTypes) =>
        DisplayedValue.Show(value, mimeTypes);

    public static IHtmlContent HTML(string content) => new HtmlString(content);
#pragma warning restore IDE1006
}

/// <summary>Content written into the page as-is, like ASP.NET's interface of the same name.</summary>
public interface IHtmlContent
{
    void WriteTo(TextWriter writer, System.Text.Encodings.Web.HtmlEncoder encoder);
}

/// <summary>A string of HTML, as returned by <see cref="Kernel.HTML"/>.</summary>
public sealed class HtmlString(string html) : IHtmlContent
{
    public void WriteTo(TextWriter writer, System.Text.Encodings.Web.HtmlEncoder encoder) => writer.Write(html);

    public override string ToString() => html;
}

/// <summary>
/// A displayed output that can be changed later; <see cref="Update"/> replaces it in place
/// with the same MIME types, so only its final state is saved (a progress bar, a loss curve).
/// </summary>
public sealed class DisplayedValue
{
    private readonly Func<object?, IReadOnlyList<FormattedValue>> format;
    private readonly Outputs.CellOutputs owner;
    private readonly object handle;

    private DisplayedValue(object? value, Func<object?, IReadOnlyList<FormattedValue>> format)
    {
        this.format = format;
        owner = ActiveCell.Require();
        Value = value;
        handle = owner.AddDisplay(format(value));
    }

    public string DisplayId { get; } = Guid.NewGuid().ToString("N");

    public object? Value { get; private set; }

    public void Update(object? updatedValue)
    {
        Value = updatedValue;
        owner.Replace(handle, format(updatedValue));
    }

    internal static DisplayedValue Show(object? value, string[] mimeTypes)
    {
        // Later updates keep the MIME types chosen for the first value.
        var chosen = mimeTypes.Length > 0 ? mimeTypes : ValueFormatter.PreferredMimeTypes(value);
        return new DisplayedValue(value, next => ValueFormatter.Format(next, chosen));
    }

    /// <summary>Shows a string that is already formatted for <paramref name="mimeType"/>, e.g. base64 PNG.</summary>
    internal static DisplayedValue ShowFormatted(string value, string mimeType) =>
        new(value, next => [new FormattedValue(mimeType, next?.ToString() ?? "")]);
}
