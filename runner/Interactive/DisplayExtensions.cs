using NotebookRunner.Interactive;

// Namespace System, as in .NET Interactive, so the extensions are in scope in every cell.
namespace System;

public static class DisplayExtensions
{
    public static DisplayedValue Display(this object? value, params string[] mimeTypes) =>
        DisplayedValue.Show(value, mimeTypes);

    /// <summary>Displays a string that is itself the formatted value, e.g. markdown text or base64 image data.</summary>
    public static DisplayedValue DisplayAs(this string value, string mimeType) =>
        DisplayedValue.ShowFormatted(value, mimeType);
}
