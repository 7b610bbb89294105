using System.Globalization;
using System.Net;
using System.Text;

namespace TorchSharp;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>Shape, dtype and device on one line, then the values (numpy style, summarised when large).</summary>
        public override string ToString()
        {
            if (IsInvalid) return "Tensor (disposed)";
            var dims = shape;
            var header = $"[{string.Join("x", dims)}], type = {dtype}, device = {device}";
            return header + Environment.NewLine + TensorText.Values(this, dims);
        }

        /// <summary>Prints the tensor to the console and returns it.</summary>
        public Tensor print()
        {
            Console.WriteLine(ToString());
            return this;
        }
    }
}

/// <summary>Renders tensor values the way numpy does, eliding the middle of long dimensions.</summary>
internal static class TensorText
{
    private const long SummariseAbove = 1000;
    private const int EdgeItems = 3;

    public static string Values(torch.Tensor tensor, long[] dims)
    {
        using var detached = tensor.detach();
        using var cpu = detached.cpu();
        using var asDouble = cpu.dtype == torch.ScalarType.Float64 ? cpu.alias() : cpu.to(torch.ScalarType.Float64);
        var values = asDouble.ToArray<double>();
        var integral = !torch.is_floating_point(tensor.dtype);
        var isBool = tensor.dtype == torch.ScalarType.Bool;
        var summarise = values.LongLength > SummariseAbove;
        string Format(double v) => isBool ? (v != 0 ? "true" : "false")
            : integral ? ((long)v).ToString(CultureInfo.InvariantCulture)
            : Real(v);
        if (dims.Length == 0) return Format(values[0]);
        var text = new StringBuilder();
        Append(text, values, dims, 0, 0, summarise, Format);
        return text.ToString();
    }

    /// <summary>Four decimals; tiny and huge magnitudes in scientific notation, so that 1e-5 does not print as 0.</summary>
    private static string Real(double v)
    {
        var magnitude = Math.Abs(v);
        var plain = v == 0 || !double.IsFinite(v) || (magnitude >= 1e-4 && magnitude < 1e8);
        return v.ToString(plain ? "0.####" : "0.####e+00", CultureInfo.InvariantCulture);
    }

    private static void Append(StringBuilder text, double[] values, long[] dims, int axis, long offset, bool summarise,
                               Func<double, string> format)
    {
        long stride = 1;
        for (var d = axis + 1; d < dims.Length; d++) stride *= dims[d];
        var count = dims[axis];
        text.Append('[');
        for (long i = 0; i < count; i++)
        {
            if (summarise && count > 2 * EdgeItems && i == EdgeItems)
            {
                text.Append(axis == dims.Length - 1 ? "..., " : "...," + Environment.NewLine + new string(' ', axis + 1));
                i = count - EdgeItems - 1;
                continue;
            }
            if (axis == dims.Length - 1) text.Append(format(values[offset + i]));
            else Append(text, values, dims, axis + 1, offset + i * stride, summarise, format);
            if (i < count - 1)
                text.Append(axis == dims.Length - 1 ? ", " : "," + Environment.NewLine + new string(' ', axis + 1));
        }
        text.Append(']');
    }
}

/// <summary>
/// Lets Polyglot Notebooks (and our runner) format tensors without a reference to .NET Interactive:
/// the notebook host looks for an attribute with this exact name (the duck-typed convention).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
public sealed class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    public Type FormatterSourceType { get; }

    public string[]? PreferredMimeTypes { get; set; }
}

/// <summary>Supplies the text/plain and text/html formatters of <see cref="torch.Tensor"/>.</summary>
public sealed class TensorFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() =>
        [new TensorFormatter("text/plain", t => t.ToString()),
         new TensorFormatter("text/html", t => $"<div><pre>{WebUtility.HtmlEncode(t.ToString())}</pre></div>")];

    public sealed class TensorFormatter(string mimeType, Func<torch.Tensor, string> render)
    {
        public string MimeType => mimeType;

        public Type Type => typeof(torch.Tensor);

        public bool Format(object instance, TextWriter writer)
        {
            if (instance is not torch.Tensor tensor) return false;
            writer.Write(render(tensor));
            return true;
        }
    }
}
