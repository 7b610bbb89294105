using System.Globalization;

namespace Bench;

/// <summary>The command line: which models, how many rounds and steps, how many threads, where the results go.</summary>
internal sealed record Options(List<string>? Models, int Rounds, int Steps, int Warmup, int Threads, string OutputFolder, string? Worker)
{
    /// <summary>What both sides' workers are told, so that they run the same steps on the same threads.</summary>
    public string[] WorkerArgs => ["--steps", Steps.ToString(), "--warmup", Warmup.ToString(), "--threads", Threads.ToString()];

    public const string Usage =
        "usage: Bench [--models a,b] [--rounds 5] [--steps 20] [--warmup 3] [--threads <cores>] [--out build/bench]";

    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--") || i + 1 >= args.Length)
                throw new ArgumentException($"expected '--name value' pairs, found '{args[i]}'");
            values[args[i][2..]] = args[++i];
        }
        int Int(string key, int fallback) =>
            !values.TryGetValue(key, out var v) ? fallback
            : int.TryParse(v, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
            : throw new ArgumentException($"--{key} expects a positive whole number, found '{v}'");
        return new Options(
            values.TryGetValue("models", out var m) ? m.Split(',').ToList() : null,
            Int("rounds", 5), Int("steps", 20), Int("warmup", 3), Int("threads", Environment.ProcessorCount),
            values.GetValueOrDefault("out", "build/bench"), values.GetValueOrDefault("worker"));
    }
}
