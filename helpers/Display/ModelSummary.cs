using System.Globalization;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Data.Analysis;
using TorchSharp;

namespace Helpers;

/// <summary>
/// Keras' <c>model.summary()</c> for a module: one row per call of a leaf module (a module without
/// submodules) in the order they ran, with its output shape (batch as None), parameter count and the
/// layers it took its input from, then the total, trainable and non-trainable parameter counts.
/// Built by running one forward pass (batch of 2, no gradients) with TorchSharp's forward hook on every leaf.
/// </summary>
/// <remarks>
/// "Connected to" follows tensors by identity: an input that is the model's input or a layer's output
/// is connected to it. An input that no layer produced was made by functional code between layers
/// (an activation such as relu(x)); it is credited to the layer that ran last before it first appeared,
/// which is right for the usual layer-then-activation code. TorchSharp runs hooks in <c>call</c> only, so a
/// layer that a model runs with <c>forward</c> directly has no row.
/// </remarks>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = new[] { "text/html", "text/plain" })]
public sealed class ModelSummary : Figure
{
    private const string InputName = "input";

    /// <summary>One line of the table.</summary>
    public sealed record Row(string Name, string Type, string OutputShape, long Parameters, IReadOnlyList<string> ConnectedTo);

    private ModelSummary(IReadOnlyList<Row> rows, long total, long trainable)
    {
        Rows = rows;
        TotalParameters = total;
        TrainableParameters = trainable;
    }

    public IReadOnlyList<Row> Rows { get; }

    public long TotalParameters { get; }

    public long TrainableParameters { get; }

    public long NonTrainableParameters => TotalParameters - TrainableParameters;

    /// <summary>Summarises <paramref name="model"/>, a module with one tensor input of the given shape (without the batch dimension).</summary>
    /// <param name="model">The module; it runs once on zeros.</param>
    /// <param name="inputShape">One input without the batch dimension, e.g. <c>[1, 28, 28]</c>.</param>
    /// <param name="device">Where the zeros are made; by default where the model's parameters are (the CPU if it has none).</param>
    public static ModelSummary Of(torch.nn.Module model, long[] inputShape, torch.Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        device ??= model.parameters().FirstOrDefault()?.device;
        var call = model.GetType().GetMethod("call", [typeof(torch.Tensor)])
            ?? throw new ArgumentException($"{model.GetType().Name} has no call(Tensor): a summary needs a module with one tensor input", nameof(model));
        var trace = new Trace();
        // TorchSharp's named_modules() leaves out the module itself, which is the only leaf of a model without children.
        var leaves = model.children().Any()
            ? model.named_modules().Where(m => !m.module.children().Any())
            : [("", model)];
        var removers = leaves
            .Select(m => ForwardHooks.Attach(m.module, (module, inputs, output) =>
                trace.Record(m.name.Length > 0 ? m.name : module.GetName(), module, inputs, output)))
            .ToList();
        try
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            var input = torch.zeros([2, .. inputShape], device: device);
            trace.Start(input);
            try
            {
                call.Invoke(model, BindingFlags.DoNotWrapExceptions, null, [input], null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new ArgumentException(
                    $"{model.GetType().Name} failed on a zero input of shape [{string.Join(", ", input.shape)}] (a batch of 2 and inputShape): {e.Message}",
                    nameof(inputShape), e);
            }
        }
        finally
        {
            removers.ForEach(remove => remove());
        }
        var parameters = model.parameters().ToList();
        return new ModelSummary(trace.Rows, parameters.Sum(p => p.numel()), parameters.Where(p => p.requires_grad).Sum(p => p.numel()));
    }

    /// <summary>Collects rows while the forward pass runs and remembers which layer made which tensor.</summary>
    private sealed class Trace
    {
        private readonly ConditionalWeakTable<torch.Tensor, string> producers = new();
        private string? lastLayer;

        public List<Row> Rows { get; } = [];

        public void Start(torch.Tensor input)
        {
            producers.AddOrUpdate(input, $"{InputName}[0][0]");
            Rows.Add(new Row(InputName, "InputLayer", Shape(input), 0, []));
            lastLayer = InputName;
        }

        public void Record(string name, torch.nn.Module module, object?[] inputs, object? output)
        {
            var connected = Tensors(inputs).Select(t => producers.GetValue(t, _ => $"{lastLayer}[0][0]")).Distinct().ToList();
            var outputs = Tensors(output).ToList();
            for (var i = 0; i < outputs.Count; i++) producers.AddOrUpdate(outputs[i], $"{name}[0][{i}]");
            var shape = outputs.Count == 1 ? Shape(outputs[0]) : "[" + string.Join(", ", outputs.Select(Shape)) + "]";
            Rows.Add(new Row(name, module.GetType().Name, shape, module.parameters().Sum(p => p.numel()), connected));
            lastLayer = name;
        }

        /// <summary>The tensors of a hook's arguments or result: a tensor, or the tensors inside a tuple or an array.</summary>
        private static IEnumerable<torch.Tensor> Tensors(object? value) => value switch
        {
            torch.Tensor tensor => [tensor],
            ITuple tuple => Enumerable.Range(0, tuple.Length).SelectMany(i => Tensors(tuple[i])),
            object?[] values => values.SelectMany(Tensors),
            _ => [],
        };

        private static string Shape(torch.Tensor tensor) =>
            "(" + string.Join(", ", tensor.shape.Select((d, i) => i == 0 ? "None" : d.ToString(CultureInfo.InvariantCulture))) +
            (tensor.ndim == 1 ? ",)" : ")");
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private IEnumerable<string> Totals() =>
    [
        $"Total params: {Count(TotalParameters)}",
        $"Trainable params: {Count(TrainableParameters)}",
        $"Non-trainable params: {Count(NonTrainableParameters)}",
    ];

    /// <summary>
    /// The Keras text layout: columns at Keras' positions (21, 43, 55; rules 73 wide), widened where a cell needs
    /// more, "=" under the header, "_" between rows.
    /// </summary>
    public override string ToString()
    {
        int[] kerasWidths = [21, 22, 12];
        const int kerasRule = 73;
        string[] header = ["Layer (type)", "Output Shape", "Param #", "Connected to"];
        var cells = Rows.Select(r => new[] { $"{r.Name} ({r.Type})", r.OutputShape, r.Parameters.ToString(CultureInfo.InvariantCulture) }).ToList();
        var widths = Enumerable.Range(0, 3)
            .Select(c => Math.Max(kerasWidths[c], cells.Select(row => row[c].Length).Append(header[c].Length).Max() + 3)).ToList();
        widths.Add(Rows.SelectMany(r => r.ConnectedTo).Select(s => s.Length).Append(header[3].Length).Max());
        var width = Math.Max(kerasRule, widths.Sum());
        string Line(params string[] columns) => string.Concat(columns.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();

        var text = new List<string> { new('_', width), Line(header), new('=', width) };
        for (var r = 0; r < Rows.Count; r++)
        {
            if (r > 0) text.Add(new string('_', width));
            var connected = Rows[r].ConnectedTo;
            text.Add(Line([.. cells[r], connected.Count > 0 ? connected[0] : ""]));
            text.AddRange(connected.Skip(1).Select(c => Line("", "", "", c)));
        }
        text.Add(new string('=', width));
        text.AddRange(Totals());
        text.Add(new string('_', width));
        return string.Join(Environment.NewLine, text);
    }

    /// <summary>
    /// The layers as a table, Keras' columns: "Layer (type)", "Output Shape", "Param #" and "Connected to" (one
    /// line per input).
    /// </summary>
    public DataFrame ToDataFrame() =>
        Rows.Select(r => ($"{r.Name} ({r.Type})", r.OutputShape, r.Parameters, string.Join("\n", r.ConnectedTo)))
            .ToList().ToDataFrame("Layer (type)", "Output Shape", "Param #", "Connected to");

    /// <summary>Every layer's row (however many there are), then the totals.</summary>
    public override string ToHtml() =>
        DataFrames.ToHtml(ToDataFrame(), maxRows: Rows.Count) +
        "<p>" + string.Join("<br>", Totals().Select(WebUtility.HtmlEncode)) + "</p>";
}
