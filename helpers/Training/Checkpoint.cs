using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TorchSharp;

namespace Helpers;

/// <summary>
/// Train or load: a training cell that has run once with the same parameters loads the trained weights
/// instead of training again, so a class can step through a chapter in minutes. Weights go to
/// <c>{Folder}/{name}-{hash}.bin</c> (TorchSharp's state-dict format, what <c>module.save</c> writes) and the
/// history beside it: its table to <c>{name}-{hash}.history.csv</c>, its title, training time and the parameters to
/// <c>{name}-{hash}.history.json</c>. A checkpoint saved before histories were tables (the series inside the JSON
/// file) still loads, and gets its CSV file then. The hash covers the parameters and the names,
/// dtypes and shapes of the tensors, so changing either trains afresh. Files are written atomically (a
/// temporary file in the same folder, then a rename), so an interrupted save leaves no half-written checkpoint.
/// </summary>
public static class Checkpoint
{
    /// <summary>Where checkpoints live; relative paths are taken from the current directory (a notebook's folder).</summary>
    public static string Folder { get; set; } = "checkpoints";

    /// <summary>Loads <paramref name="model"/> from its checkpoint, or trains it and saves one.</summary>
    /// <param name="model">The model whose parameters and buffers are loaded or saved.</param>
    /// <param name="name">The checkpoint's name, e.g. the notebook's ("02-functional-vae").</param>
    /// <param name="parameters">Everything that changes the result (epochs, batch size, seed, ...), e.g. an anonymous object.</param>
    /// <param name="train">Trains the model and returns what it recorded.</param>
    /// <param name="retrain">Train even when a checkpoint exists (and replace it).</param>
    public static History TrainOrLoad(torch.nn.Module model, string name, object parameters, Func<History> train, bool retrain = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        return TrainOrLoad(model.state_dict(), name, parameters, train, retrain,
                           path => StateDictFile.Load(model, path), path => StateDictFile.Save(model, path));
    }

    /// <summary>The same for named tensors kept by hand (a dictionary of parameters rather than a module).</summary>
    public static History TrainOrLoad<T>(IReadOnlyDictionary<string, T> tensors, string name, object parameters,
                                         Func<History> train, bool retrain = false) where T : torch.Tensor =>
        TrainOrLoad(tensors, name, parameters, train, retrain,
                    path => StateDictFile.Load(tensors, path), path => StateDictFile.Save(tensors, path));

    /// <summary>
    /// Saves <paramref name="model"/>'s parameters and buffers as <c>model.save(path)</c> does, but atomically:
    /// an error or a crash while writing leaves the file that was there.
    /// </summary>
    public static void Save(torch.nn.Module model, string path) => StateDictFile.Save(model, path);

    /// <summary>
    /// Loads a file written by <see cref="Save(torch.nn.Module, string)"/> or <c>module.save</c> into <paramref name="model"/>.
    /// A file that does not match is refused before anything is copied, with an error that names the file and
    /// every tensor that is missing, unexpected, or of another dtype or shape.
    /// </summary>
    public static void Load(torch.nn.Module model, string path) => StateDictFile.Load(model, path);

    /// <summary>The same for named tensors kept by hand.</summary>
    public static void Save<T>(IReadOnlyDictionary<string, T> tensors, string path) where T : torch.Tensor => StateDictFile.Save(tensors, path);

    /// <summary>The same for named tensors kept by hand; each is copied in place, on its own device.</summary>
    public static void Load<T>(IReadOnlyDictionary<string, T> tensors, string path) where T : torch.Tensor => StateDictFile.Load(tensors, path);

    private static History TrainOrLoad<T>(IReadOnlyDictionary<string, T> tensors, string name, object parameters, Func<History> train,
                                          bool retrain, Action<string> load, Action<string> save) where T : torch.Tensor
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(train);
        var settings = JsonSerializer.SerializeToNode(parameters) ?? throw new ArgumentNullException(nameof(parameters));
        var stem = Path.Combine(Folder, $"{name}-{Hash(tensors, settings)}");
        var (weightsPath, historyPath) = (stem + ".bin", stem + ".history.csv");
        var olderHistoryPath = History.DescriptionPath(historyPath);
        if (!retrain && File.Exists(weightsPath) && (File.Exists(historyPath) || File.Exists(olderHistoryPath)))
        {
            load(weightsPath);
            var loaded = File.Exists(historyPath) ? History.Load(historyPath) : LoadOlderHistory(olderHistoryPath, historyPath, settings);
            loaded.LoadedFrom = Path.GetFileName(weightsPath);
            return loaded;
        }

        var clock = Stopwatch.StartNew();
        var history = train();
        history.TrainingSeconds = clock.Elapsed.TotalSeconds;
        history.LoadedFrom = null;
        save(weightsPath);
        history.Save(historyPath, settings);
        return history;
    }

    /// <summary>Reads a history saved as JSON alone (before histories were tables) and saves it in today's form beside it.</summary>
    private static History LoadOlderHistory(string jsonPath, string csvPath, JsonNode settings)
    {
        var history = History.LoadJson(jsonPath);
        history.Save(csvPath, settings);
        return history;
    }

    /// <summary>16 hex digits of a SHA-256 over the parameters' JSON and each tensor's name, dtype and shape.</summary>
    private static string Hash<T>(IReadOnlyDictionary<string, T> tensors, JsonNode settings) where T : torch.Tensor
    {
        var text = new StringBuilder(settings.ToJsonString());
        foreach (var (key, tensor) in tensors.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            text.Append('\n').Append(key).Append(' ').Append(tensor.dtype).Append(' ').Append(string.Join("x", tensor.shape));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
