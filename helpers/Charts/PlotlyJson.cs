using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpers;

/// <summary>
/// Serialises plotly's data and layout. Numbers keep a chosen count of significant digits, which is what
/// keeps a 10,000-point scatter small; the default encoder escapes &lt; &gt; &amp;, so the JSON is safe inside &lt;script&gt;.
/// </summary>
internal static class PlotlyJson
{
    public static string Serialize(object value, int significantDigits) =>
        JsonSerializer.Serialize(value, Options(significantDigits));

    private static readonly Dictionary<int, JsonSerializerOptions> Cache = [];

    private static JsonSerializerOptions Options(int digits)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(digits, out var options)) return options;
            options = new JsonSerializerOptions
            {
                Encoder = JavaScriptEncoder.Default,
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                Converters = { new RoundedDouble(digits) },
            };
            return Cache[digits] = options;
        }
    }

    private sealed class RoundedDouble(int digits) : JsonConverter<double>
    {
        private readonly string format = "G" + digits;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            // JSON has no NaN or infinity; plotly leaves a gap at null.
            if (double.IsFinite(value)) writer.WriteRawValue(value.ToString(format, CultureInfo.InvariantCulture));
            else writer.WriteNullValue();
        }
    }
}
