using System.Globalization;
using System.Text;
using TorchSharp;

namespace Helpers;

/// <summary>
/// What a decoder makes of a 2-D latent space: an n x n grid of latent points decoded in one batch and
/// tiled into one image, with z[0] increasing left to right and z[1] increasing bottom to top (as on a
/// plot). As HTML the image has its axis values around it; as PNG it is the bare tiling.
/// </summary>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class Manifold : ImageFigure
{
    private readonly ImageStack tiles;
    private readonly double[] values;

    private Manifold(ImageStack tiles, double[] values, int scale)
    {
        this.tiles = tiles;
        this.values = values;
        Scale = scale;
    }

    /// <summary>Decodes the grid of latent points and tiles the images.</summary>
    /// <param name="decoder">Maps latent points <c>[n*n, 2]</c> to images (<c>[n*n, C, H, W]</c>, <c>[n*n, H, W]</c> or <c>[n*n, H*W]</c>).</param>
    /// <param name="n">Points per axis.</param>
    /// <param name="kind">Even spacing over [-range, range], or normal quantiles (range unused).</param>
    /// <param name="range">Half-width of the linear grid.</param>
    /// <param name="scale">Screen pixels per image pixel.</param>
    /// <param name="device">Where the decoder's parameters live (CPU by default).</param>
    public static Manifold Decode(Func<torch.Tensor, torch.Tensor> decoder, int n, GridKind kind = GridKind.Linear,
                                  double range = 3, int scale = 1, torch.Device? device = null)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be at least 2");
        if (kind == GridKind.Linear && !(range > 0)) throw new ArgumentOutOfRangeException(nameof(range), range, "range must be positive");
        var values = AxisValues(n, kind, range);
        var points = new float[n * n * 2];
        for (var row = 0; row < n; row++)
            for (var column = 0; column < n; column++)
            {
                points[2 * (row * n + column)] = (float)values[column];
                points[2 * (row * n + column) + 1] = (float)values[n - 1 - row]; // top row = largest z[1]
            }
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var decoded = decoder(torch.tensor(points, [n * n, 2], device: device));
        if (decoded.shape[0] != n * n)
            throw new ArgumentException($"the decoder returned [{string.Join(", ", decoded.shape)}] for {n * n} latent points", nameof(decoder));
        return new Manifold(ImageStack.From(decoded, "decoded images"), values, scale);
    }

    /// <summary>The coordinates used on each axis, ascending.</summary>
    public static double[] AxisValues(int n, GridKind kind, double range = 3)
    {
        using var scope = torch.NewDisposeScope();
        var grid = kind == GridKind.Linear
            ? torch.linspace(-range, range, n, torch.float64)
            : StandardNormalQuantiles(torch.linspace(0.05, 0.95, n, torch.float64));
        return grid.data<double>().ToArray();
    }

    /// <summary>The inverse CDF of N(0, 1): ppf(p) = sqrt(2) erfinv(2p - 1).</summary>
    private static torch.Tensor StandardNormalQuantiles(torch.Tensor p) => (p * 2 - 1).erfinv() * Math.Sqrt(2);

    public int N => values.Length;

    public int Scale { get; }

    /// <summary>z[0] of each column, left to right; z[1] of the rows is the same list from bottom to top.</summary>
    public IReadOnlyList<double> Values => values;

    public override byte[] ToPng() => Png.Encode(tiles.Mosaic(N, Scale, gap: 0));

    public override string ToHtml()
    {
        var (cellWidth, cellHeight) = (tiles.Width * Scale, tiles.Height * Scale);
        // Label every k-th cell so neighbouring tick labels (about 40 px wide) do not overlap; each label is
        // a fixed-size flex item centred on its tile, free to overflow it.
        var every = Math.Max(1, (int)Math.Ceiling(40.0 / cellWidth));
        var html = new StringBuilder();
        html.Append("<div style=\"display: inline-grid; grid-template-columns: auto auto auto; align-items: center; font: 11px sans-serif;\">");
        html.Append("<div style=\"writing-mode: vertical-rl; transform: rotate(180deg); padding-right: 4px;\">z[1]</div>");
        html.Append("<div style=\"display: flex; flex-direction: column; text-align: right; padding-right: 4px;\">");
        for (var row = 0; row < N; row++)
            html.Append(Tick(row % every == 0 ? values[N - 1 - row] : null, $"flex: none; height: {cellHeight}px; line-height: {cellHeight}px;"));
        html.Append("</div>");
        html.Append(CultureInfo.InvariantCulture,
            $"<img width=\"{N * cellWidth}\" height=\"{N * cellHeight}\" style=\"image-rendering: pixelated;\" src=\"{DataUri.Png(ToPng())}\">");
        html.Append("<div></div><div></div><div style=\"display: flex;\">");
        for (var column = 0; column < N; column++)
            html.Append(Tick(column % every == 0 ? values[column] : null, $"flex: none; width: {cellWidth}px; display: flex; justify-content: center; white-space: nowrap;"));
        html.Append("</div><div></div><div></div><div style=\"text-align: center;\">z[0]</div></div>");
        return html.ToString();
    }

    private static string Tick(double? value, string style) =>
        $"<span style=\"{style}\">{(value is { } v ? Format(v) : "")}</span>";

    /// <summary>Two decimals, and never "-0" for a value that rounds to zero.</summary>
    private static string Format(double value) => (Math.Round(value, 2) + 0.0).ToString("0.##", CultureInfo.InvariantCulture);

    public override string ToString() =>
        $"Manifold: {N}x{N} decoded images of {tiles.Width}x{tiles.Height}, axis values " +
        string.Join(", ", values.Select(Format));
}
