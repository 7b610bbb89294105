namespace Helpers;

/// <summary>
/// Something a notebook shows by returning it from a cell or passing it to <c>display(...)</c>:
/// it renders itself as an HTML fragment (text/html) and as text (text/plain, <see cref="object.ToString"/>).
/// </summary>
public abstract class Figure
{
    /// <summary>An HTML fragment for a notebook output.</summary>
    public abstract string ToHtml();

    /// <summary>Whether the HTML draws with plotly.js, which a notebook output or a standalone page then has to provide.</summary>
    internal virtual bool DrawsWithPlotly => false;

    /// <summary>Writes a standalone HTML page (atomically: a temporary file renamed over the target), plotly.js inline when it draws charts.</summary>
    public void SaveHtml(string path) =>
        AtomicFile.Write(path, HtmlPage.Standalone(GetType().Name, ToHtml(), DrawsWithPlotly));
}

/// <summary>A <see cref="Figure"/> that is a raster picture, so it also renders as image/png.</summary>
public abstract class ImageFigure : Figure
{
    /// <summary>The picture as a PNG file's bytes.</summary>
    public abstract byte[] ToPng();

    /// <summary>Writes the PNG (atomically: a temporary file renamed over the target).</summary>
    public void SavePng(string path) => AtomicFile.Write(path, ToPng());
}
