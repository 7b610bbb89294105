using TorchSharp.Modules;

namespace Binding.Tests;

[Collection(TensorGlobalState.Name)]
public class OptimMemoryTests
{
    public static TheoryData<string> Optimizers => ["Adam", "AMSGrad", "RMSProp", "SGD"];

    private static optim.Optimizer Make(string name, IEnumerable<Parameter> parameters) => name switch
    {
        "Adam" => optim.Adam(parameters, weight_decay: 0.01),
        "AMSGrad" => optim.Adam(parameters, amsgrad: true, maximize: true),
        "RMSProp" => optim.RMSProp(parameters, momentum: 0.9, centered: true),
        _ => optim.SGD(parameters, 0.01, momentum: 0.9, nesterov: true),
    };

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void HundredStepsLeaveNoTensorsBehind(string name)
    {
        // Finalizers of other tests' garbage must not run while counting.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = LiveTensorCount;
        Parameter w, b;
        using (NewDisposeScope())
        {
            w = nn.Parameter(randn(3, 1));
            b = nn.Parameter(zeros(1));
        }
        using (var x = randn(8, 3))
        using (w)
        using (b)
        using (var optimizer = Make(name, [w, b]))
        {
            void Step()
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                (x.mm(w) + b).square().mean().backward();
                optimizer.step();
            }
            Step(); // creates the gradients and the optimizer's state
            var afterFirstStep = LiveTensorCount;
            for (var i = 0; i < 100; i++) Step();
            Assert.Equal(afterFirstStep, LiveTensorCount);
        }
        Assert.Equal(baseline, LiveTensorCount);
    }
}
