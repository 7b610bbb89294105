using System.Globalization;
using TorchSharp;

namespace Helpers;

/// <summary>Class labels as pictures show them: a class name when one is known, else the number.</summary>
internal static class LabelNames
{
    public static string Of(long label, IReadOnlyList<string>? classNames) =>
        classNames is not null && label >= 0 && label < classNames.Count
            ? classNames[(int)label]
            : label.ToString(CultureInfo.InvariantCulture);

    /// <summary>The values of a 1-D integer label tensor with <paramref name="count"/> entries (any count when null).</summary>
    public static long[] Read(torch.Tensor labels, long? count, string argument)
    {
        if (labels.ndim != 1 || (count is { } n && labels.shape[0] != n))
            throw new ArgumentException(
                $"{argument} must have shape [{count?.ToString(CultureInfo.InvariantCulture) ?? "N"}], got [{string.Join(", ", labels.shape)}]", argument);
        if (torch.is_floating_point(labels.dtype))
            throw new ArgumentException($"{argument} must hold integers, got {labels.dtype}", argument);
        using var values = labels.detach().cpu().to(torch.int64);
        return values.data<long>().ToArray();
    }
}
