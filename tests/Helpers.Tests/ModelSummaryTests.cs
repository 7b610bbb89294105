using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Helpers.Tests;

public class ModelSummaryTests
{
    /// <summary>The table of the source of chapter 02 (seed 000), Keras' model.summary() of the denoising VAE.</summary>
    private const string KerasTable = """
        _________________________________________________________________________
        Layer (type)         Output Shape          Param #     Connected to
        =========================================================================
        input (InputLayer)   (None, 784)           0
        _________________________________________________________________________
        enc_0 (Dense)        (None, 512)           401920      input[0][0]
        _________________________________________________________________________
        enc_1 (Dense)        (None, 256)           131328      enc_0[0][0]
        _________________________________________________________________________
        z_mean (Dense)       (None, 128)           32896       enc_1[0][0]
        _________________________________________________________________________
        z_log_v (Dense)      (None, 128)           32896       enc_1[0][0]
        _________________________________________________________________________
        z (Lambda)           (None, 128)           0           z_mean[0][0]
                                                               z_log_v[0][0]
        _________________________________________________________________________
        dec_1 (Dense)        (None, 256)           33024       z[0][0]
        _________________________________________________________________________
        dec_0 (Dense)        (None, 512)           131584      dec_1[0][0]
        _________________________________________________________________________
        output (Dense)       (None, 784)           402192      dec_0[0][0]
        =========================================================================
        Total params: 1,165,840
        Trainable params: 1,165,840
        Non-trainable params: 0
        _________________________________________________________________________
        """;

    [Fact]
    public void Reproduces_the_keras_summary_of_the_seed_000_model()
    {
        using var model = new KerasStyleVae();

        var summary = ModelSummary.Of(model, [784]);

        // Line for line as Keras printed it (Keras pads the last column with spaces; the summary trims them).
        Assert.Equal(Lines(KerasTable), Lines(summary.ToString()));
        Assert.Equal(1_165_840, summary.TotalParameters);
    }

    [Fact]
    public void Activations_applied_between_layers_do_not_break_the_connections()
    {
        using var model = new FunctionalVae();

        var summary = ModelSummary.Of(model, [784]);

        Assert.Equal(["input", "enc_0", "enc_1", "z_mean", "z_log_v", "z", "dec_1", "dec_0", "output"], summary.Rows.Select(r => r.Name));
        Assert.Equal([[], ["input[0][0]"], ["enc_0[0][0]"], ["enc_1[0][0]"], ["enc_1[0][0]"], ["z_mean[0][0]", "z_log_v[0][0]"],
                      ["z[0][0]"], ["dec_1[0][0]"], ["dec_0[0][0]"]],
                     summary.Rows.Select(r => r.ConnectedTo));
        Assert.Equal([0L, 401920, 131328, 32896, 32896, 0, 33024, 131584, 402192], summary.Rows.Select(r => r.Parameters));
        Assert.Equal("Linear", summary.Rows[1].Type);
    }

    [Fact]
    public void Frozen_parameters_count_as_non_trainable_and_html_has_the_table()
    {
        using var model = Sequential(("hidden", Linear(4, 3)), ("act", ReLU()), ("out", Linear(3, 1)));
        foreach (var p in model.parameters().Take(2)) p.requires_grad = false;

        var summary = ModelSummary.Of(model, [4]);

        Assert.Equal((19L, 4L, 15L), (summary.TotalParameters, summary.TrainableParameters, summary.NonTrainableParameters));
        Assert.Equal(["input", "hidden", "act", "out"], summary.Rows.Select(r => r.Name));
        Assert.Equal("(None, 1)", summary.Rows[^1].OutputShape);
        var html = summary.ToHtml();
        Assert.Equal(["Layer (type)", "Output Shape", "Param #", "Connected to"], DataFrameTests.Cells(html, "th"));
        Assert.Equal(["act (ReLU)", "(None, 3)", "0", "hidden[0][0]"], DataFrameTests.Cells(html, "td").Skip(8).Take(4));
        Assert.Contains("Non-trainable params: 15", html);
        var table = summary.ToDataFrame();
        Assert.Equal(typeof(long), table["Param #"].DataType);
        Assert.Equal(15L, table["Param #"][1]);
    }

    [Fact]
    public void A_layer_with_a_tuple_result_shows_every_shape_and_the_hooks_leave_results_and_model_as_they_were()
    {
        using var scope = NewDisposeScope();
        using var model = new Encoder();
        var x = rand(3, 6);
        var (meanBefore, logVarBefore) = model.call(x);

        var summary = ModelSummary.Of(model, [6]);

        Assert.Equal(["input", "hidden", "heads"], summary.Rows.Select(r => r.Name));
        Assert.Equal("[(None, 2), (None, 2)]", summary.Rows[^1].OutputShape);
        Assert.Equal(["hidden[0][0]"], summary.Rows[^1].ConnectedTo);
        var (mean, logVar) = model.call(x);
        Assert.True(mean.Equals(meanBefore) && logVar.Equals(logVarBefore));
        // The hooks are gone: a second summary has the same rows, not twice as many.
        Assert.Equal(summary.Rows.Count, ModelSummary.Of(model, [6]).Rows.Count);
    }

    /// <summary>An encoder whose last layer returns a tuple (mean, log-variance), as the chapters' encoders do.</summary>
    private sealed class Encoder : Module<Tensor, (Tensor, Tensor)>
    {
        private readonly Linear hidden = Linear(6, 4);
        private readonly Heads heads = new();

        public Encoder() : base(nameof(Encoder)) => RegisterComponents();

        public override (Tensor, Tensor) forward(Tensor x) => heads.call(hidden.call(x));
    }

    private sealed class Heads : Module<Tensor, (Tensor, Tensor)>
    {
        private readonly Parameter weight = Parameter(randn(4, 4));

        public Heads() : base(nameof(Heads)) => RegisterComponents();

        public override (Tensor, Tensor) forward(Tensor h)
        {
            var both = functional.linear(h, weight);
            return (both[.., ..2], both[.., 2..]);
        }
    }

    private static string[] Lines(string table) => table.ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd()).ToArray();

    /// <summary>Keras' Dense: the activation is part of the layer.</summary>
    private sealed class Dense : Module<Tensor, Tensor>
    {
        private readonly Parameter weight;
        private readonly Parameter bias;
        private readonly Func<Tensor, Tensor>? activation;

        public Dense(long inputs, long outputs, Func<Tensor, Tensor>? activation = null) : base(nameof(Dense))
        {
            weight = Parameter(randn(outputs, inputs));
            bias = Parameter(zeros(outputs));
            this.activation = activation;
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            var y = functional.linear(input, weight, bias);
            return activation is null ? y : activation(y);
        }
    }

    /// <summary>The sampling step z = mean + exp(0.5 log_var) eps, with no parameters (Keras' Lambda).</summary>
    private sealed class Lambda() : Module<Tensor, Tensor, Tensor>(nameof(Lambda))
    {
        public override Tensor forward(Tensor mean, Tensor logVar) => mean + (logVar * 0.5).exp() * randn_like(mean);
    }

    private sealed class KerasStyleVae : Module<Tensor, Tensor>
    {
        private static Tensor Relu(Tensor x) => functional.relu(x);
        private static Tensor Sigmoid(Tensor x) => functional.sigmoid(x);

        private readonly Dense enc_0 = new(784, 512, Relu), enc_1 = new(512, 256, Relu);
        private readonly Dense z_mean = new(256, 128), z_log_v = new(256, 128);
        private readonly Lambda z = new();
        private readonly Dense dec_1 = new(128, 256, Relu), dec_0 = new(256, 512, Relu), output = new(512, 784, Sigmoid);

        public KerasStyleVae() : base(nameof(KerasStyleVae)) => RegisterComponents();

        public override Tensor forward(Tensor x)
        {
            var h = enc_1.call(enc_0.call(x));
            return output.call(dec_0.call(dec_1.call(z.call(z_mean.call(h), z_log_v.call(h)))));
        }
    }

    /// <summary>The same network with plain Linear layers and the activations written between them.</summary>
    private sealed class FunctionalVae : Module<Tensor, Tensor>
    {
        private readonly Linear enc_0 = Linear(784, 512), enc_1 = Linear(512, 256), z_mean = Linear(256, 128), z_log_v = Linear(256, 128);
        private readonly Lambda z = new();
        private readonly Linear dec_1 = Linear(128, 256), dec_0 = Linear(256, 512), output = Linear(512, 784);

        public FunctionalVae() : base(nameof(FunctionalVae)) => RegisterComponents();

        public override Tensor forward(Tensor x)
        {
            var h = functional.relu(enc_1.call(functional.relu(enc_0.call(x))));
            var code = z.call(z_mean.call(h), z_log_v.call(h));
            return functional.sigmoid(output.call(functional.relu(dec_0.call(functional.relu(dec_1.call(code))))));
        }
    }
}
