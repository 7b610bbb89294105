using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Binding.Tests;

/// <summary>The module tree: registration, naming, state dicts, modes, conversion, hooks and disposal.</summary>
public class NNModuleTests
{
    [Fact]
    public void RegisterComponentsNamesEverythingLikePyTorch()
    {
        using var block = new Block();
        Assert.Equal(["first", "body", "tail"], block.named_children().Select(c => c.name));
        Assert.Equal(["scale", "gain", "first.weight", "first.bias", "body.fc.weight", "body.fc.bias", "tail.0.weight", "tail.0.bias"],
                     block.named_parameters().Select(p => p.name));
        Assert.Equal(["running"], block.named_buffers().Select(b => b.name));
        Assert.Equal(["scale", "gain", "running", "first.weight", "first.bias", "body.fc.weight", "body.fc.bias", "tail.0.weight", "tail.0.bias"],
                     block.state_dict().Keys);
        Assert.Equal(["", "first", "body", "body.fc", "body.act", "tail", "tail.0", "tail.1"], block.named_modules().Select(m => m.name));
        Assert.Equal(["scale", "gain"], block.named_parameters(recurse: false).Select(p => p.name));
        // Optimizers may enumerate the same sequence more than once.
        var parameters = block.parameters();
        Assert.Equal(8, parameters.Count());
        Assert.Equal(8, parameters.Count());
    }

    [Fact]
    public void DenseVaeHasTheSourcesParameterCounts()
    {
        using var vae = new DenseVae();
        Assert.Equal(1_165_840, vae.parameters().Sum(p => p.numel()));
        var perLayer = vae.named_children().Select(c => (c.name, c.module.parameters().Sum(p => p.numel())));
        Assert.Equal([("enc_0", 401_920L), ("enc_1", 131_328L), ("z_mean", 32_896L), ("z_log_v", 32_896L),
                      ("dec_1", 33_024L), ("dec_0", 131_584L), ("output", 402_192L)], perLayer);
    }

    [Fact]
    public void RegisterComponentsIsIdempotentAndRejectsNameClashes()
    {
        using var block = new Block();
        var before = block.state_dict().Keys.ToList();
        typeof(Module).GetMethod("RegisterComponents", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .Invoke(block, null);
        Assert.Equal(before, block.state_dict().Keys);
        var e = Assert.Throws<ArgumentException>(() => block.register_buffer("scale", zeros(1)));
        Assert.Contains("'scale'", e.Message);
        Assert.Throws<ArgumentException>(() => block.register_module("a.b", ReLU()));
    }

    [Fact]
    public void TrainEvalAndZeroGradReachEverySubmodule()
    {
        using var scope = NewDisposeScope();
        using var block = new Block();
        block.eval();
        Assert.All(block.modules(), m => Assert.False(m.training));
        block.train();
        Assert.All(block.modules(), m => Assert.True(m.training));

        block.forward(randn(5, 3)).sum().backward();
        Assert.All(block.parameters(), p => Assert.NotNull(p.grad));
        block.zero_grad();
        Assert.All(block.parameters(), p => Assert.Equal(0.0, p.grad!.abs().sum().ToDouble()));
        block.zero_grad(set_to_none: true);
        Assert.All(block.parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void ToConvertsInPlaceAndKeepsTheStaticType()
    {
        using var scope = NewDisposeScope();
        using var model = Sequential(("fc", Linear(3, 2)));
        var weight = ((Linear)model[0]).weight;
        var before = weight.to(float64);
        Sequential converted = model.to(float64);
        Assert.Same(model, converted);
        Assert.Same(weight, ((Linear)model[0]).weight);
        Assert.Equal(ScalarType.Float64, weight.dtype);
        Assert.True(weight.requires_grad);
        Assert.True(weight.equal(before));
        Assert.Equal(ScalarType.Float64, model.forward(randn([4, 3], float64)).dtype);
        model.to(CPU).to(float32);
        Assert.Equal(ScalarType.Float32, weight.dtype);
    }

    [Fact]
    public void LoadStateDictCopiesValuesAndReportsEveryMismatch()
    {
        using var scope = NewDisposeScope();
        using var source = new DenseVae(64, 32, 8);
        using var target = new DenseVae(64, 32, 8);
        target.load_state_dict(source.state_dict());
        var x = rand(2, 784);
        Assert.True(target.forward(x).equal(source.forward(x)));

        using var other = new DenseVae(64, 16, 8);
        var e = Assert.Throws<ArgumentException>(() => other.load_state_dict(source.state_dict()));
        Assert.Contains("enc_1.weight: state dict has [32, 64], model has [16, 64]", e.Message);
        Assert.Contains("z_mean.weight: state dict has [8, 32], model has [8, 16]", e.Message);

        var partial = source.state_dict().Where(kv => kv.Key != "output.bias").ToDictionary();
        partial["extra"] = zeros(1);
        e = Assert.Throws<ArgumentException>(() => target.load_state_dict(partial));
        Assert.Contains("missing from the state dict: output.bias", e.Message);
        Assert.Contains("not in the model: extra", e.Message);
        var (missing, unexpected) = target.load_state_dict(partial, strict: false);
        Assert.Equal(["output.bias"], missing);
        Assert.Equal(["extra"], unexpected);
    }

    [Fact]
    public void ForwardHooksFireInCallOrderWithInputsAndOutputs()
    {
        using var scope = NewDisposeScope();
        using var vae = new DenseVae(64, 32, 8);
        var calls = new List<(string name, long[] input, long[] output)>();
        var registrations = vae.named_children()
            .Select(c => c.module.register_forward_hook((m, input, output) =>
                calls.Add((c.name, ((Tensor)input!).shape, ((Tensor)output!).shape))))
            .ToList();
        var x = rand(5, 784);
        vae.call(x);
        Assert.Equal(["enc_0", "enc_1", "z_mean", "z_log_v", "dec_1", "dec_0", "output"], calls.Select(c => c.name));
        Assert.Equal([5L, 784], calls[0].input);
        Assert.Equal([5L, 64], calls[0].output);
        Assert.Equal([5L, 64], calls[6].input);
        Assert.Equal([5L, 784], calls[6].output);

        registrations.ForEach(r => r.Dispose());
        calls.Clear();
        vae.call(x);
        Assert.Empty(calls);
    }

    [Fact]
    public void HooksSeeMultipleInputsAsATuple()
    {
        using var scope = NewDisposeScope();
        using var loss = MSELoss();
        object? seen = null;
        using var hook = loss.register_forward_hook((m, input, output) => seen = input);
        var (a, b) = (randn(3), randn(3));
        loss.call(a, b);
        Assert.Equal((a, b), seen);
    }

    [Fact]
    public void LossModulesMatchTheFunctionalForms()
    {
        using var scope = NewDisposeScope();
        var (p, t, w) = (rand(4, 3) * 0.9 + 0.05, rand(4, 3), rand(3));
        Assert.True(BCELoss(w).forward(p, t).allclose(functional.binary_cross_entropy(p, t, w)));
        Assert.True(BCEWithLogitsLoss(reduction: Reduction.Sum, pos_weights: w).forward(p, t)
            .allclose(functional.binary_cross_entropy_with_logits(p, t, reduction: Reduction.Sum, pos_weights: w)));
        Assert.True(MSELoss(Reduction.None).forward(p, t).allclose((p - t).square()));
    }
}
