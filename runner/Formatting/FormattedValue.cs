namespace NotebookRunner.Formatting;

/// <summary>A value rendered for one MIME type, as it goes into an output's "data".</summary>
internal sealed record FormattedValue(string MimeType, string Value);
