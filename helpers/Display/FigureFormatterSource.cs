namespace Helpers;

/// <summary>
/// The formatters the notebook host creates for every <see cref="Figure"/>: text/html, text/plain and,
/// for pictures that have one, image/png (base64, as notebook hosts expect formatted images).
/// </summary>
internal sealed class FigureFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        // A notebook's first chart carries plotly.js (see PlotlyLibrary.CarriedBy); the page provides nothing else.
        new FigureFormatter("text/html", figure => (figure.DrawsWithPlotly ? PlotlyLibrary.CarriedBy(figure) : "") + figure.ToHtml()),
        new FigureFormatter("text/plain", figure => figure.ToString()),
        new FigureFormatter("image/png", figure => figure is ImageFigure image ? Convert.ToBase64String(image.ToPng()) : null),
    ];

    /// <summary>One MIME type's rendering; declines (returns false) when the figure has none.</summary>
    internal sealed class FigureFormatter(string mimeType, Func<Figure, string?> render)
    {
        public string MimeType => mimeType;

        public bool Format(object instance, TextWriter writer)
        {
            if (instance is not Figure figure || render(figure) is not { } text) return false;
            writer.Write(text);
            return true;
        }
    }
}
