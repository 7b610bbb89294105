using System.Net;
using System.Reflection;
using System.Text.Encodings.Web;

namespace NotebookRunner.Formatting;

/// <summary>
/// Decides which MIME types a value is shown as and renders it, with .NET Interactive's
/// defaults: strings as text/plain, HTML content raw, library formatters where the type has
/// them, and everything else as its ToString() in a plain-text HTML block.
/// </summary>
internal static class ValueFormatter
{
    public const string Html = "text/html";
    public const string PlainText = "text/plain";

    public static IReadOnlyList<FormattedValue> Format(object? value, IReadOnlyList<string> mimeTypes)
    {
        var chosen = mimeTypes.Count > 0 ? mimeTypes : PreferredMimeTypes(value);
        return chosen.Select(mimeType => new FormattedValue(mimeType, FormatAs(value, mimeType))).ToList();
    }

    public static IReadOnlyList<string> PreferredMimeTypes(object? value)
    {
        if (value is null)
            return [Html];
        var library = FormatterSources.For(value.GetType());
        if (library.PreferredMimeTypes is { } preferred)
            return preferred;
        if (library.ForMimeType(Html) is not null)
            return [Html];
        return value is string ? [PlainText] : [Html];
    }

    private static string FormatAs(object? value, string mimeType)
    {
        if (value is null)
            return mimeType == Html ? PlainTextBlock("<null>") : "<null>";
        if (FormatterSources.For(value.GetType()).ForMimeType(mimeType)?.TryFormat(value) is { } formatted)
            return formatted;
        if (mimeType == Html)
            return HtmlContent.TryWrite(value) ?? PlainTextBlock(value.ToString() ?? "");
        // For any other type the value is taken to be already formatted, e.g. base64 for image/png.
        return HtmlContent.TryWrite(value) ?? value.ToString() ?? "";
    }

    private static string PlainTextBlock(string text) =>
        $"<div class=\"dni-plaintext\"><pre>{WebUtility.HtmlEncode(text)}</pre></div>";
}

/// <summary>
/// Writes values whose type implements an interface named IHtmlContent (ASP.NET's, or the
/// runner's own returned by HTML(...)), so HTML helpers from any library render raw.
/// </summary>
internal static class HtmlContent
{
    public static string? TryWrite(object value)
    {
        var contract = value.GetType().GetInterfaces().FirstOrDefault(type => type.Name == "IHtmlContent");
        var writeTo = contract?.GetMethod("WriteTo");
        if (writeTo is null)
            return null;
        using var writer = new StringWriter();
        var arguments = writeTo.GetParameters()
            .Select(parameter => parameter.ParameterType == typeof(TextWriter) ? writer
                : parameter.ParameterType.IsInstanceOfType(HtmlEncoder.Default) ? (object)HtmlEncoder.Default
                : null)
            .ToArray();
        writeTo.Invoke(value, BindingFlags.DoNotWrapExceptions, null, arguments, null);
        return writer.ToString();
    }
}
