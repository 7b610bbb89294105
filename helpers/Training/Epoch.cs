using TorchSharp;
using static TorchSharp.torch;

namespace Helpers;

/// <summary>
/// The training loop that chapters 01 and 02 write out, for the chapters after them: one pass over the
/// batches, and the same pass without gradients to evaluate. The loss is a function of a batch
/// (<c>(x, y) =&gt; loss</c>), so a chapter keeps its model, its loss and where its tensors live.
/// Every batch runs in its own dispose scope: memory stays flat however long the training.
/// </summary>
public static class Epoch
{
    /// <summary>
    /// One pass over <paramref name="data"/> in training mode: for each batch the loss, its gradients and
    /// an optimizer step. Returns the average loss per row (each batch weighted by its size).
    /// </summary>
    /// <param name="model">Put in training mode (dropout, batch norm) first.</param>
    /// <param name="optimizer">Steps once per batch.</param>
    /// <param name="data">The batches, as <c>(x, y)</c> pairs.</param>
    /// <param name="lossOf">The batch's mean loss: a tensor with one element.</param>
    public static double Train(nn.Module model, optim.Optimizer optimizer, Batches data, Func<Tensor, Tensor, Tensor> lossOf)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        model.train();
        return Average(data, lossOf, loss =>
        {
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        });
    }

    /// <summary>The average loss per row over <paramref name="data"/>, in evaluation mode and without gradients.</summary>
    public static double Evaluate(nn.Module model, Batches data, Func<Tensor, Tensor, Tensor> lossOf)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.eval();
        using var noGrad = no_grad();
        return Average(data, lossOf, _ => { });
    }

    private static double Average(Batches data, Func<Tensor, Tensor, Tensor> lossOf, Action<Tensor> afterLoss)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(lossOf);
        var (total, batch, rows) = (0.0, 0, 0L);
        foreach (var (x, y) in data)
        {
            batch++;
            using var scope = NewDisposeScope();
            var loss = lossOf(x, y);
            if (loss.numel() != 1)
                throw new ArgumentException(
                    $"lossOf must return the batch's loss as one number, got a tensor of shape [{string.Join(", ", loss.shape)}]",
                    nameof(lossOf));
            var value = loss.item<float>();
            if (!float.IsFinite(value))
                throw new ArithmeticException(
                    $"the loss of batch {batch} of {data.Count} is {value}: training has diverged, so the model's parameters are no longer usable");
            afterLoss(loss);
            total += value * x.shape[0];
            rows += x.shape[0];
            BatchProgress.ReportLoss(total / rows);
        }
        return total / data.Rows;
    }
}
