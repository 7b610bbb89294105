namespace Helpers.Tests;

public class TrainingCheckpointTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string previousFolder = Checkpoint.Folder;

    public TrainingCheckpointTests() => Checkpoint.Folder = temp.File("checkpoints");

    public void Dispose()
    {
        Checkpoint.Folder = previousFolder;
        temp.Dispose();
    }

    private sealed class Counter
    {
        public int Runs;

        /// <summary>"Training" sets every weight to <paramref name="value"/> and records one loss.</summary>
        public Func<History> Training(Dictionary<string, Tensor> weights, float value) => () =>
        {
            Runs++;
            using (no_grad())
                foreach (var tensor in weights.Values) tensor.fill_(value);
            return new History("loss").Add("train", 1, 100 + value).Add("train", 2, 90 + value);
        };
    }

    private static Dictionary<string, Tensor> Weights() => new()
    {
        ["w"] = zeros(3, 2).DetachFromDisposeScope(),
        ["b"] = zeros(2).DetachFromDisposeScope(),
    };

    [Fact]
    public void A_second_run_with_the_same_parameters_loads_the_weights_and_the_history_instead_of_training()
    {
        var counter = new Counter();
        var trained = Weights();
        var first = Checkpoint.TrainOrLoad(trained, "model", new { epochs = 2, seed = 1 }, counter.Training(trained, 7));

        var fresh = Weights();
        var second = Checkpoint.TrainOrLoad(fresh, "model", new { epochs = 2, seed = 1 }, counter.Training(fresh, -1));

        Assert.Equal(1, counter.Runs);
        Assert.Null(first.LoadedFrom);
        Assert.NotNull(second.LoadedFrom);
        Assert.True(fresh["w"].Equals(full([3, 2], 7f)));
        Assert.True(fresh["b"].Equals(full([2], 7f)));
        Assert.Equal(first["train"], second["train"]);
        Assert.Equal(first.TrainingSeconds, second.TrainingSeconds);
    }

    [Fact]
    public void Other_parameters_other_shapes_or_retrain_train_again()
    {
        var counter = new Counter();
        var weights = Weights();
        Checkpoint.TrainOrLoad(weights, "model", new { epochs = 2 }, counter.Training(weights, 1));
        Checkpoint.TrainOrLoad(weights, "model", new { epochs = 3 }, counter.Training(weights, 2));
        Checkpoint.TrainOrLoad(weights, "model", new { epochs = 2 }, counter.Training(weights, 3), retrain: true);
        var wider = new Dictionary<string, Tensor> { ["w"] = zeros(3, 4), ["b"] = zeros(4) };
        Checkpoint.TrainOrLoad(wider, "model", new { epochs = 2 }, counter.Training(wider, 4));

        Assert.Equal(4, counter.Runs);
        var reloaded = Weights();
        Checkpoint.TrainOrLoad(reloaded, "model", new { epochs = 2 }, counter.Training(reloaded, 5));
        Assert.Equal(4, counter.Runs);
        Assert.True(reloaded["w"].Equals(full([3, 2], 3f)), "retrain replaces the checkpoint");
    }

    [Fact]
    public void A_module_round_trips_through_its_state_dict()
    {
        using var model = nn.Linear(4, 2);
        using var copy = nn.Linear(4, 2);
        var history = Checkpoint.TrainOrLoad(model, "linear", new { seed = 0 }, () => new History().Add("train", 1, 1.5));

        var loaded = Checkpoint.TrainOrLoad(copy, "linear", new { seed = 0 }, () => throw new InvalidOperationException("should load"));

        Assert.True(copy.weight.Equals(model.weight));
        Assert.Equal(1.5, loaded.At("train", 1));
        Assert.Null(loaded.At("train", 2));
        Assert.Contains("Loaded from linear-", loaded.ToHtml());
        Assert.Contains("Trained in", history.ToHtml());
    }

    [Fact]
    public void A_history_file_that_is_not_json_is_named_in_the_error()
    {
        var path = temp.File("broken.history.json");
        File.WriteAllText(path, "{ \"series\": { \"train\": [[1]] } }");

        var error = Assert.Throws<InvalidDataException>(() => History.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("[epoch, value]", error.Message);
    }
}
