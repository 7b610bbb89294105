using System.Globalization;

namespace Bench;

/// <summary>The command line: which models, how many rounds and steps, how many threads, where the results go.</summary>
internal sealed record Options(List<string>? Models, int Rounds, int Steps, int Warmup, int Threads, string OutputFolder, string? Worker,
                               string Optimizer, string Mkl, string Loss, string? Readme, string? Compare, int? Batch = null, bool Phases = false, bool Floors = false,
                               double WarmupSeconds = 2)
{
    /// <summary>What both sides' workers are told, so that they run the same steps on the same threads.</summary>
    public string[] WorkerArgs =>
        ["--steps", Steps.ToString(), "--warmup", Warmup.ToString(), "--warmup-seconds", WarmupSeconds.ToString(CultureInfo.InvariantCulture), "--threads", Threads.ToString()];

    /// <summary>The TorchSharp side's worker also takes the variant being measured.</summary>
    public string[] TorchSharpWorkerArgs => [.. WorkerArgs, "--optimizer", Optimizer, "--mkl", Mkl, "--loss", Loss];

    /// <summary>The defaults: what the notebooks run. Only such a run of every model rewrites the README's table.</summary>
    public bool IsNotebookSetup => Optimizer == "fused" && Mkl == "avx512" && Loss == "helpers";

    public const string Usage =
        "usage: Bench [--models a,b] [--rounds 5] [--steps 20] [--warmup 3] [--warmup-seconds 2] [--threads <cores>] [--out bench]\n"
        + "             [--optimizer fused|torchsharp] [--mkl avx512|vendor] [--loss helpers|libtorch]\n"
        + "             [--readme README.md]\n"
        + "  --warmup, --warmup-seconds  untimed steps first, at least this many and for at least this long (both sides alike)\n"
        + "  --optimizer torchsharp  TorchSharp's own Adam and RMSprop instead of the helpers' fused ones\n"
        + "  --mkl vendor            oneMKL's AVX2 kernels, as it picks them on a non-Intel CPU (HELPERS_MKL_VENDOR_CHECK=keep)\n"
        + "  --loss libtorch         libtorch's binary_cross_entropy instead of the helpers' Losses.BinaryCrossEntropy\n"
        + "  --readme                the file whose table between the bench markers a full default run rewrites\n"
        + "  --floors                instead, the floors under each step: its forward, backward and optimizer parts, the same step at\n"
        + "                          batch 1 (its calls and optimizer pass with next to no arithmetic) and its products at the SGEMM peak;\n"
        + "                          writes floors.md and floors.csv in --out\n"
        + "  --compare MODEL         train MODEL with TorchSharp's and the fused optimizer in lockstep (--steps of them) and print how far apart they drift;\n"
        + "                          with --optimizer torchsharp, both TorchSharp's, one started 1e-7 apart (the model's own drift)";

    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        string[] flags = ["--floors", "--phases"];
        for (var i = 0; i < args.Length; i++)
        {
            if (flags.Contains(args[i]))
            {
                values[args[i][2..]] = "yes";
                continue;
            }
            if (!args[i].StartsWith("--") || i + 1 >= args.Length)
                throw new ArgumentException($"expected '--name value' pairs, found '{args[i]}'");
            values[args[i][2..]] = args[++i];
        }
        int Int(string key, int fallback) =>
            !values.TryGetValue(key, out var v) ? fallback
            : int.TryParse(v, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
            : throw new ArgumentException($"--{key} expects a positive whole number, found '{v}'");
        double Seconds(string key, double fallback) =>
            !values.TryGetValue(key, out var v) ? fallback
            : double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 ? s
            : throw new ArgumentException($"--{key} expects a number of seconds, 0 or more, found '{v}'");
        string Choice(string key, params string[] allowed) =>
            !values.TryGetValue(key, out var v) ? allowed[0]
            : allowed.Contains(v) ? v
            : throw new ArgumentException($"--{key} expects {string.Join(" or ", allowed)}, found '{v}'");
        return new Options(
            values.TryGetValue("models", out var m) ? m.Split(',').ToList() : null,
            Int("rounds", 5), Int("steps", 20), Int("warmup", 3), Int("threads", Environment.ProcessorCount),
            values.GetValueOrDefault("out", "bench"), values.GetValueOrDefault("worker"),
            Choice("optimizer", "fused", "torchsharp"), Choice("mkl", "avx512", "vendor"), Choice("loss", "helpers", "libtorch"), values.GetValueOrDefault("readme", "README.md"), values.GetValueOrDefault("compare"),
            values.ContainsKey("batch") ? Int("batch", 0) : null, values.ContainsKey("phases"), values.ContainsKey("floors"),
            Seconds("warmup-seconds", 2));
    }
}
