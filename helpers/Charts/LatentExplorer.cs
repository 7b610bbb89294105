using System.Globalization;
using System.Text.Json;
using TorchSharp;

namespace Helpers;

/// <summary>
/// A 2-D latent space to explore with the mouse, with no kernel behind it: the scatter of the test set's latent means
/// (a <see cref="LatentScatter"/>, an XPlot chart) and beside it the decoder's image of the point under the mouse. Over a
/// test image's point it also shows that image and its label; pressing on two points draws the straight path between
/// them and the decodings along it. The decodings of a <see cref="GridSize"/> x <see cref="GridSize"/> grid over the
/// plotted range are computed once and embedded (as a PNG sheet, like the test images), so the output works offline,
/// in VS Code and in an exported page alike; the image shown is that of the grid point nearest the mouse.
/// </summary>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class LatentExplorer : Figure
{
    /// <summary>How many decodings the strip under the plot shows between (and including) two pressed points.</summary>
    public const int PathSteps = 10;

    private readonly ImageStack decodings;
    private readonly ImageStack testImages;
    private readonly IReadOnlyList<string>? classNames;

    /// <param name="points"><c>[N, 2]</c> latent means of the test images (the encoder's <c>mu</c>).</param>
    /// <param name="labels"><c>[N]</c> integer class of each image.</param>
    /// <param name="images">The <c>N</c> test images (<c>[N, 1, H, W]</c>, <c>[N, H, W]</c> or <c>[N, H*W]</c>), in the order of <paramref name="points"/>.</param>
    /// <param name="decoder">Maps latent points <c>[M, 2]</c> to images, on <paramref name="device"/>.</param>
    /// <param name="classNames">Names by class index; the index itself when absent.</param>
    /// <param name="title">Title of the scatter.</param>
    /// <param name="gridSize">Decoded points per axis over the plotted range (at least 2).</param>
    /// <param name="device">Where the decoder's parameters live (CPU by default).</param>
    public LatentExplorer(torch.Tensor points, torch.Tensor labels, torch.Tensor images, Func<torch.Tensor, torch.Tensor> decoder,
                          IReadOnlyList<string>? classNames = null, string title = "", int gridSize = 40, torch.Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        if (gridSize < 2) throw new ArgumentOutOfRangeException(nameof(gridSize), gridSize, "gridSize must be at least 2");
        Scatter = new LatentScatter(points, labels, classNames, title);
        if (images.ndim < 2 || images.shape[0] != points.shape[0])
            throw new ArgumentException($"images must hold one image per point ({points.shape[0]}), got [{string.Join(", ", images.shape)}]", nameof(images));
        testImages = ImageStack.From(images, nameof(images));
        if (testImages.Channels != 1)
            throw new ArgumentException($"images must be grey (one channel), got {testImages.Channels} channels", nameof(images));
        this.classNames = classNames;
        GridSize = gridSize;
        (XRange, YRange) = (Scatter.XRange, Scatter.YRange);
        decodings = Decode(decoder, device);
        if (decodings.Height != testImages.Height || decodings.Width != testImages.Width || decodings.Channels != 1)
            throw new ArgumentException($"the decoder made {decodings.Channels}x{decodings.Height}x{decodings.Width} images; the test images are " +
                                        $"1x{testImages.Height}x{testImages.Width}", nameof(decoder));
    }

    /// <summary>The scatter, an XPlot chart: restyle it with XPlot's API before showing the explorer.</summary>
    public LatentScatter Scatter { get; }

    public int GridSize { get; }

    /// <summary>The plotted (and decoded) range of z[0]: the points' extent with a margin.</summary>
    public (double Min, double Max) XRange { get; }

    /// <summary>The plotted (and decoded) range of z[1].</summary>
    public (double Min, double Max) YRange { get; }

    /// <summary>The value of grid column <paramref name="column"/> (z[0]) and row <paramref name="row"/> (z[1], row 0 the largest, as on the plot).</summary>
    public (double Z0, double Z1) GridPoint(int column, int row) =>
        (XRange.Min + (XRange.Max - XRange.Min) * column / (GridSize - 1),
         YRange.Max - (YRange.Max - YRange.Min) * row / (GridSize - 1));

    private ImageStack Decode(Func<torch.Tensor, torch.Tensor> decoder, torch.Device? device)
    {
        var n = GridSize;
        var grid = new float[n * n * 2];
        for (var row = 0; row < n; row++)
            for (var column = 0; column < n; column++)
            {
                var (z0, z1) = GridPoint(column, row);
                (grid[2 * (row * n + column)], grid[2 * (row * n + column) + 1]) = ((float)z0, (float)z1);
            }
        using var scope = torch.NewDisposeScope();
        var decoded = Inference.InBatches(decoder, torch.tensor(grid, [n * n, 2]), batchSize: 250, device: device);
        if (decoded.shape[0] != n * n)
            throw new ArgumentException($"the decoder returned [{string.Join(", ", decoded.shape)}] for {n * n} latent points", nameof(decoder));
        return ImageStack.From(decoded, "decoded images");
    }

    internal override bool DrawsWithPlotly => true;

    public override string ToHtml()
    {
        var id = "explorer-" + Guid.NewGuid().ToString("N");
        var (width, height) = (testImages.Width, testImages.Height);
        var config = JsonSerializer.Serialize(new
        {
            width,
            height,
            grid = new { n = GridSize, x0 = XRange.Min, x1 = XRange.Max, y0 = YRange.Min, y1 = YRange.Max },
            testColumns = SheetColumns(testImages.Count),
            members = Scatter.Classes.Select(label => Scatter.Members(label)).ToArray(),
            names = Scatter.Classes.Select(label => LabelNames.Of(label, classNames)).ToArray(),
            steps = PathSteps,
        });
        var scale = 6;
        var panel = string.Create(CultureInfo.InvariantCulture, $"""
            <div style="flex: none; width: {width * scale + 8}px;">
            <div data-role="z">Move the mouse over the plot.</div>
            <canvas data-role="decoded" width="{width * scale}" height="{height * scale}" style="border: 1px solid #ccc; background: #000;"></canvas>
            <div data-role="test-label" style="margin-top: 8px;">Hover over a point to see its test image.</div>
            <canvas data-role="test" width="{width * scale}" height="{height * scale}" style="border: 1px solid #ccc; background: #000;"></canvas>
            </div>
            """);
        return $$"""
            <script type="text/javascript">{{Script}}</script>
            <div class="latent-explorer" id="{{id}}" style="font: 13px sans-serif;">
            <div style="display: flex; gap: 12px; align-items: flex-start;">
            <div data-role="plot" style="flex: 1 1 auto; min-width: 0; position: relative;">
            {{Charts.Fragment(Scatter, id + "-plot", $"helpersLatentExplorer(element, document.getElementById('{id}'), {config});")}}
            <canvas data-role="overlay" style="position: absolute; pointer-events: none; left: 0; top: 0;"></canvas>
            </div>
            {{panel}}
            </div>
            <div data-role="path-label">Press on two points of the plot to decode the straight path between them.</div>
            <div data-role="path" style="display: flex; gap: 4px; margin-top: 4px;"></div>
            <img data-role="grid-images" hidden alt="" src="{{DataUri.Png(Png.Encode(decodings.Mosaic(GridSize, 1, 0)))}}">
            <img data-role="test-images" hidden alt="" src="{{DataUri.Png(Png.Encode(testImages.Mosaic(SheetColumns(testImages.Count), 1, 0)))}}">
            </div>
            """;
    }

    /// <summary>Columns of a near-square sheet of <paramref name="count"/> images (browsers cap an image's side, not its area).</summary>
    private static int SheetColumns(int count) => (int)Math.Ceiling(Math.Sqrt(count));

    // The browser side, defined before the chart that calls it once drawn (a later explorer's copy redefines it, the same). `plot` is the
    // plotly element, `root` the explorer's div, `config` what ToHtml embeds. Grid and test images are tiles of the
    // two PNG sheets, drawn scaled into canvases.
    private const string Script = """
        window.helpersLatentExplorer = function (plot, root, config) {
            // Parts are looked up when used: while a page is parsed, this runs before the rest of the explorer exists.
            var part = function (role) { return root.querySelector('[data-role="' + role + '"]'); };
            var w = config.width, h = config.height, g = config.grid;
            var whenLoaded = function (image, action) {
                if (image.complete && image.naturalWidth > 0) action(); else image.addEventListener('load', action, { once: true });
            };
            var drawTile = function (canvas, sheet, index, columns) {
                whenLoaded(sheet, function () {
                    var context = canvas.getContext('2d');
                    context.imageSmoothingEnabled = false;
                    context.drawImage(sheet, (index % columns) * w, Math.floor(index / columns) * h, w, h, 0, 0, canvas.width, canvas.height);
                });
            };
            var clamp = function (value) { return Math.max(0, Math.min(g.n - 1, value)); };
            // The grid point nearest z: its tile in the sheet, whose row 0 holds the largest z[1].
            var tile = function (z) {
                var column = clamp(Math.round((z[0] - g.x0) / (g.x1 - g.x0) * (g.n - 1)));
                var row = clamp(Math.round((g.y1 - z[1]) / (g.y1 - g.y0) * (g.n - 1)));
                return row * g.n + column;
            };
            var area = function () { return plot.querySelector('.nsewdrag').getBoundingClientRect(); };
            var ranges = function () { return [plot.layout.xaxis.range, plot.layout.yaxis.range]; };
            // Latent coordinates under a mouse event, or null outside the plotting area.
            var latent = function (event) {
                var box = area(), r = ranges();
                var fx = (event.clientX - box.left) / box.width, fy = (event.clientY - box.top) / box.height;
                if (!(fx >= 0 && fx <= 1 && fy >= 0 && fy <= 1)) return null;
                return [r[0][0] + fx * (r[0][1] - r[0][0]), r[1][1] - fy * (r[1][1] - r[1][0])];
            };
            var near = function (z, event) {
                var box = area(), r = ranges();
                var px = box.left + (z[0] - r[0][0]) / (r[0][1] - r[0][0]) * box.width, py = box.top + (r[1][1] - z[1]) / (r[1][1] - r[1][0]) * box.height;
                return Math.abs(px - event.clientX) <= 8 && Math.abs(py - event.clientY) <= 8;
            };
            var show = function (z) {
                var decoded = part('decoded'), index = tile(z);
                decoded.setAttribute('data-tile', index);
                drawTile(decoded, part('grid-images'), index, g.n);
                part('z').textContent = 'decoded at z = (' + z[0].toFixed(2) + ', ' + z[1].toFixed(2) + ')';
            };
            var hovered = null, pressed = [], down = null;
            plot.addEventListener('mousemove', function (event) { var z = latent(event); if (z) show(z); }, true);
            plot.on('plotly_hover', function (event) {
                var point = event.points[0], index = config.members[point.curveNumber][point.pointNumber];
                hovered = { z: [point.x, point.y], index: index };
                var test = part('test');
                test.setAttribute('data-index', index);
                drawTile(test, part('test-images'), index, config.testColumns);
                part('test-label').textContent = 'test image ' + index + ': ' + config.names[point.curveNumber];
            });
            plot.on('plotly_unhover', function () { hovered = null; });
            // A press is a mouse button going down and up in one place (plotly takes a drag for a zoom).
            plot.addEventListener('mousedown', function (event) { down = latent(event) && { x: event.clientX, y: event.clientY }; }, true);
            window.addEventListener('mouseup', function (event) {
                if (!down || Math.abs(event.clientX - down.x) > 4 || Math.abs(event.clientY - down.y) > 4) { down = null; return; }
                down = null;
                var z = latent(event);
                if (!z) return;
                // On a data point (plotly's hover lags the mouse by up to 50 ms, so check it is the one under the press): its mean exactly.
                if (hovered && near(hovered.z, event)) z = hovered.z;
                pressed = pressed.length === 2 ? [z] : pressed.concat([z]);
                decodePath();
                drawOverlay();
            }, true);
            var decodePath = function () {
                var strip = part('path');
                strip.textContent = '';
                if (pressed.length < 2) {
                    part('path-label').textContent = 'From z = (' + pressed[0][0].toFixed(2) + ', ' + pressed[0][1].toFixed(2) + '): press on a second point.';
                    return;
                }
                var a = pressed[0], b = pressed[1];
                part('path-label').textContent = 'The straight path from (' + a[0].toFixed(2) + ', ' + a[1].toFixed(2) + ') to (' +
                    b[0].toFixed(2) + ', ' + b[1].toFixed(2) + '), decoded at ' + config.steps + ' evenly spaced points:';
                for (var k = 0; k < config.steps; k++) {
                    var t = k / (config.steps - 1), z = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
                    var canvas = document.createElement('canvas');
                    canvas.width = 2 * w; canvas.height = 2 * h;
                    canvas.style.background = '#000';
                    canvas.setAttribute('data-tile', tile(z));
                    strip.appendChild(canvas);
                    drawTile(canvas, part('grid-images'), tile(z), g.n);
                }
            };
            // The path drawn over the plotting area, again after every zoom or resize.
            var drawOverlay = function () {
                var overlay = part('overlay'), box = area(), host = overlay.parentElement.getBoundingClientRect(), r = ranges();
                overlay.style.left = (box.left - host.left) + 'px';
                overlay.style.top = (box.top - host.top) + 'px';
                overlay.width = box.width; overlay.height = box.height;
                var context = overlay.getContext('2d');
                context.clearRect(0, 0, box.width, box.height);
                var pixel = function (z) {
                    return [(z[0] - r[0][0]) / (r[0][1] - r[0][0]) * box.width, (r[1][1] - z[1]) / (r[1][1] - r[1][0]) * box.height];
                };
                context.strokeStyle = '#000'; context.fillStyle = '#000'; context.lineWidth = 2;
                pressed.forEach(function (z) { var p = pixel(z); context.beginPath(); context.arc(p[0], p[1], 5, 0, 2 * Math.PI); context.fill(); });
                if (pressed.length === 2) {
                    var a = pixel(pressed[0]), b = pixel(pressed[1]);
                    context.beginPath(); context.moveTo(a[0], a[1]); context.lineTo(b[0], b[1]); context.stroke();
                }
                overlay.setAttribute('data-points', pressed.length);
            };
            plot.on('plotly_afterplot', function () { if (pressed.length) drawOverlay(); });
        };
        """;

    /// <summary>Bytes of the embedded pictures (both PNG sheets, as base64): what the explorer adds to the scatter.</summary>
    public int EmbeddedPictureBytes =>
        DataUri.Png(Png.Encode(decodings.Mosaic(GridSize, 1, 0))).Length +
        DataUri.Png(Png.Encode(testImages.Mosaic(SheetColumns(testImages.Count), 1, 0))).Length;

    public override string ToString() =>
        $"LatentExplorer: {Scatter.Count} test images, {GridSize}x{GridSize} decodings over " +
        string.Create(CultureInfo.InvariantCulture, $"z[0] in [{XRange.Min:G3}, {XRange.Max:G3}], z[1] in [{YRange.Min:G3}, {YRange.Max:G3}]");
}
