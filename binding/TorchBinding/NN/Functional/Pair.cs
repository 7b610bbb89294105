namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>A (height, width) pair from one value (used for both) or two; null gives the default.</summary>
            internal static long[] Pair(long[]? values, long fallback, string argument) => values switch
            {
                null => [fallback, fallback],
                [var v] => [v, v],
                [_, _] => values,
                _ => throw new ArgumentException($"{argument} needs one or two values (height, width), got {values.Length}", argument),
            };
        }
    }
}
