using System.Globalization;
using System.Net;
using System.Text;
using TorchSharp;

namespace Helpers;

/// <summary>
/// Images in a grid, optionally with a title above each (a label or class name): the pictures of
/// originals, reconstructions and samples. Grey or RGB; pixel values in [0, 1] (or uint8).
/// As HTML each image is its own PNG with its title above it; as PNG the whole grid is one image
/// (no titles), <see cref="Gap"/> white pixels between cells.
/// </summary>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class ImageGrid : ImageFigure
{
    /// <summary>White pixels between neighbouring cells of the PNG.</summary>
    public const int Gap = 2;

    private readonly ImageStack images;
    private readonly string[]? titles;

    /// <param name="images"><c>[N, C, H, W]</c>, <c>[N, H, W]</c> or <c>[N, H*W]</c> (square images).</param>
    /// <param name="columns">Images per row.</param>
    /// <param name="titles">One per image, shown above it.</param>
    /// <param name="scale">Screen pixels per image pixel (nearest-neighbour zoom).</param>
    public ImageGrid(torch.Tensor images, int columns = 10, IEnumerable<string>? titles = null, int scale = 2)
    {
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "columns must be at least 1");
        if (scale < 1) throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be at least 1");
        this.images = ImageStack.From(images, nameof(images));
        this.titles = titles?.ToArray();
        if (this.titles is not null && this.titles.Length != this.images.Count)
            throw new ArgumentException($"{this.titles.Length} titles for {this.images.Count} images; give one per image", nameof(titles));
        Columns = Math.Min(columns, this.images.Count);
        Scale = scale;
    }

    /// <summary>Titles each image with its label, or the label's class name when <paramref name="classNames"/> is given.</summary>
    public ImageGrid(torch.Tensor images, torch.Tensor labels, IReadOnlyList<string>? classNames = null, int columns = 10, int scale = 2)
        : this(images, columns, Titles(labels, classNames), scale) { }

    public int Count => images.Count;

    public int Columns { get; }

    public int Rows => (Count + Columns - 1) / Columns;

    public int Scale { get; }

    public IReadOnlyList<string>? TitleTexts => titles;

    public override byte[] ToPng() => Png.Encode(images.Mosaic(Columns, Scale, Gap));

    public override string ToHtml()
    {
        var (width, height) = (images.Width * Scale, images.Height * Scale);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture,
            $"<div style=\"display: grid; grid-template-columns: repeat({Columns}, max-content); gap: 4px 6px; align-items: end;\">");
        for (var i = 0; i < Count; i++)
        {
            html.Append("<figure style=\"margin: 0; text-align: center;\">");
            if (titles is not null)
                html.Append("<figcaption style=\"font: 12px sans-serif;\">").Append(WebUtility.HtmlEncode(titles[i])).Append("</figcaption>");
            html.Append(CultureInfo.InvariantCulture,
                $"<img width=\"{width}\" height=\"{height}\" style=\"image-rendering: pixelated;\" src=\"{DataUri.Png(Png.Encode(images.Image(i)))}\"></figure>");
        }
        return html.Append("</div>").ToString();
    }

    public override string ToString() =>
        $"ImageGrid: {Count} images of {images.Width}x{images.Height}x{images.Channels} in {Rows} rows of {Columns}";

    private static IEnumerable<string> Titles(torch.Tensor labels, IReadOnlyList<string>? classNames) =>
        LabelNames.Read(labels, null, nameof(labels)).Select(label => LabelNames.Of(label, classNames));
}
