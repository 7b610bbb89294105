using System.Text.Json.Nodes;

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
    public void The_history_is_saved_as_a_csv_table_beside_the_weights_with_its_description()
    {
        var weights = Weights();
        var trained = Checkpoint.TrainOrLoad(weights, "model", new { epochs = 2 },
            () => new History("Dense VAE", "nats").Add("train", 1, 180.25).Add("test", 1, 170.5).Add("train", 2, 0.1 + 0.2));

        var csv = Directory.GetFiles(Checkpoint.Folder, "*.history.csv").Single();
        var description = JsonNode.Parse(File.ReadAllText(History.DescriptionPath(csv)))!;
        var table = DataFrame.LoadCsv(csv);
        var loaded = History.Load(csv);

        Assert.Equal(["epoch,train,test", "1,180.25,170.5", "2,0.30000000000000004,"], File.ReadAllLines(csv));
        Assert.Equal(["epoch", "train", "test"], table.Columns.Select(c => c.Name));
        Assert.Equal(("Dense VAE", "nats", Path.GetFileName(csv), 2), ((string?)description["title"], (string?)description["yTitle"], (string?)description["table"], (int?)description["parameters"]!["epochs"]));
        Assert.Equal(trained.ToDataFrame().ToString(), loaded.ToDataFrame().ToString());
        Assert.Equal(0.1 + 0.2, loaded.At("train", 2));
        Assert.Null(loaded.At("test", 2));
        Assert.Equal(("Dense VAE", "nats", trained.TrainingSeconds), (loaded.Title, loaded.YTitle, loaded.TrainingSeconds));
    }

    [Fact]
    public void A_checkpoint_saved_before_histories_were_tables_still_loads_and_gets_its_csv()
    {
        var counter = new Counter();
        var weights = Weights();
        Checkpoint.TrainOrLoad(weights, "model", new { epochs = 2 }, counter.Training(weights, 7));
        var csv = Directory.GetFiles(Checkpoint.Folder, "*.history.csv").Single();
        File.Delete(csv);
        File.WriteAllText(History.DescriptionPath(csv), """
            { "title": "loss", "yTitle": "loss", "trainingSeconds": 12.5, "parameters": { "epochs": 2 },
              "series": { "train": [[1, 107.0], [2, 97.0]] } }
            """);

        var fresh = Weights();
        var loaded = Checkpoint.TrainOrLoad(fresh, "model", new { epochs = 2 }, counter.Training(fresh, -1));

        Assert.Equal(1, counter.Runs);
        Assert.True(fresh["w"].Equals(full([3, 2], 7f)));
        Assert.Equal([(1, 107.0), (2, 97.0)], loaded["train"]);
        Assert.Equal(12.5, loaded.TrainingSeconds);
        Assert.True(File.Exists(csv), "the older checkpoint's history is saved as a table too");
        Assert.Equal([(1, 107.0), (2, 97.0)], History.Load(csv)["train"]);
    }

    [Fact]
    public void A_history_file_that_is_not_a_history_is_named_in_the_error()
    {
        var json = temp.File("broken.history.json");
        File.WriteAllText(json, "{ \"series\": { \"train\": [[1]] } }");
        var wrongFirstColumn = temp.File("wrong.history.csv");
        File.WriteAllText(wrongFirstColumn, "step,train\n1,2\n");
        var notNumbers = temp.File("words.history.csv");
        File.WriteAllText(notNumbers, "epoch,train\n1,low\n");

        var fromJson = Assert.Throws<InvalidDataException>(() => History.LoadJson(json));
        var fromColumn = Assert.Throws<InvalidDataException>(() => History.Load(wrongFirstColumn));
        var fromWords = Assert.Throws<InvalidDataException>(() => History.Load(notNumbers));

        Assert.Contains(json, fromJson.Message);
        Assert.Contains("[epoch, value]", fromJson.Message);
        Assert.Contains(wrongFirstColumn, fromColumn.Message);
        Assert.Contains("\"step\", expected \"epoch\"", fromColumn.Message);
        Assert.Contains(notNumbers, fromWords.Message);
    }
}
