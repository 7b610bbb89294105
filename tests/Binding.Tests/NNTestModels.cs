using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Binding.Tests;

/// <summary>
/// The dense VAE of seed 000 (notebook 02), with the source's layer names. Its forward pass decodes the latent
/// mean (no sampling), which is deterministic and enough for the structural tests; training samples through
/// <see cref="encode"/> and <see cref="decode"/>.
/// </summary>
internal sealed class DenseVae : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> enc_0, enc_1, z_mean, z_log_v, dec_1, dec_0, output;

    public DenseVae(long hidden0 = 512, long hidden1 = 256, long latentDim = 128) : base(nameof(DenseVae))
    {
        enc_0 = Linear(784, hidden0);
        enc_1 = Linear(hidden0, hidden1);
        z_mean = Linear(hidden1, latentDim);
        z_log_v = Linear(hidden1, latentDim);
        dec_1 = Linear(latentDim, hidden1);
        dec_0 = Linear(hidden1, hidden0);
        output = Linear(hidden0, 784);
        RegisterComponents();
    }

    public (Tensor mu, Tensor logVar) encode(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = enc_1.call(enc_0.call(x).relu()).relu();
        return (z_mean.call(h).MoveToOuterDisposeScope(), z_log_v.call(h).MoveToOuterDisposeScope());
    }

    public Tensor decode(Tensor z)
    {
        using var scope = NewDisposeScope();
        return output.call(dec_0.call(dec_1.call(z).relu()).relu()).sigmoid().MoveToOuterDisposeScope();
    }

    public override Tensor forward(Tensor x)
    {
        var (mu, logVar) = encode(x);
        using (mu)
        using (logVar)
            return decode(mu);
    }
}

/// <summary>A module with every kind of component: inherited, auto-property, parameter, buffer, nested, Sequential.</summary>
internal class BaseBlock : Module<Tensor, Tensor>
{
    protected readonly Linear first = Linear(3, 4);

    protected BaseBlock(string name) : base(name) { }

    public override Tensor forward(Tensor x) => first.forward(x);
}

internal sealed class Block : BaseBlock
{
    private readonly Parameter scale = nn.Parameter(ones(4));
    private readonly Tensor running = zeros(4);
    private readonly Sequential body = Sequential(("fc", Linear(4, 4)), ("act", ReLU()));
    private readonly Sequential tail = Sequential(Linear(4, 2), Tanh());

    public Block() : base(nameof(Block)) => RegisterComponents();

    [ComponentName(Name = "gain")]
    public Parameter Gain { get; } = nn.Parameter(ones(1));

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return tail.forward(body.forward(first.forward(x) * scale + running) * Gain).MoveToOuterDisposeScope();
    }
}
