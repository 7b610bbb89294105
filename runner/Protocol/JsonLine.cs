using System.Text.Json;
using System.Text.Json.Serialization;

namespace NotebookRunner.Protocol;

/// <summary>
/// The runner and its kernel process exchange messages as JSON, one object per line (JSON text
/// has no raw newlines, so a message is always exactly one line).
/// </summary>
internal static class JsonLine
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T message) => JsonSerializer.Serialize(message, Options);

    public static T Parse<T>(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(line, Options)
                ?? throw new InvalidDataException($"expected a {typeof(T).Name}, got \"{line}\"");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"expected a {typeof(T).Name} as one line of JSON, got \"{line}\": {error.Message}", error);
        }
    }
}

/// <summary>
/// Writes messages to a pipe, whole lines under a lock and flushed at once: kernel events arrive
/// on several threads, and the other side waits for each line.
/// </summary>
internal sealed class JsonLineWriter(Stream stream) : IDisposable
{
    private readonly StreamWriter writer = new(stream) { AutoFlush = true };
    private readonly object gate = new();

    public void Write<T>(T message)
    {
        var line = JsonLine.Serialize(message);
        lock (gate)
            writer.WriteLine(line);
    }

    public void Dispose() => writer.Dispose();
}
