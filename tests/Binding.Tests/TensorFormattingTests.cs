namespace Binding.Tests;

public class TensorFormattingTests
{
    [Fact]
    public void SmallTensorsShowEveryValue()
    {
        using var scope = NewDisposeScope();
        var text = tensor(new float[] { 1.5f, -2, 3.25f, 4 }, [2, 2]).ToString();
        Assert.Contains("[2x2]", text);
        Assert.Contains("Float32", text);
        Assert.Contains("[[1.5, -2]", text);
        Assert.Contains("[3.25, 4]]", text);
        Assert.DoesNotContain("...", text);
        Assert.Contains("[0, 1, 2]", arange(3).ToString());
        Assert.Contains("[true, false]", tensor(new[] { true, false }).ToString());
        Assert.EndsWith("7", tensor(7L).ToString());
    }

    [Fact]
    public void TinyAndHugeValuesUseScientificNotation()
    {
        using var scope = NewDisposeScope();
        var text = tensor(new double[] { 1e-5, 0.5, -2.5e9, 0 }).ToString();
        Assert.Contains("[1e-05, 0.5, -2.5e+09, 0]", text);
        Assert.Contains("[NaN, 1]", tensor(new[] { double.NaN, 1 }).ToString());
    }

    [Fact]
    public void LargeTensorsAreSummarised()
    {
        using var scope = NewDisposeScope();
        var text = arange(5000).ToString();
        Assert.Contains("[0, 1, 2, ..., 4997, 4998, 4999]", text);
        Assert.DoesNotContain("2500", text);
        var matrix = arange(10000).view(100, 100).ToString();
        Assert.Contains("...", matrix);
        Assert.Contains("9999", matrix);
        Assert.True(matrix.Length < 1000, $"summary of a 100x100 tensor is {matrix.Length} characters long");
    }

    [Fact]
    public void ToStringLeavesNoTensorBehind()
    {
        using var outer = NewDisposeScope();
        var x = tensor(new float[] { 1, 2 }).requires_grad_();
        using var scope = NewDisposeScope();
        _ = x.ToString();
        Assert.Equal(0, scope.Count);
    }

    [Fact]
    public void DisposedTensorsSaySo()
    {
        var x = zeros(2);
        x.Dispose();
        Assert.Equal("Tensor (disposed)", x.ToString());
    }

    [Fact]
    public void FormatterSourceOffersPlainTextAndHtml()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 1, 2 });
        var formatters = new TensorFormatterSource().CreateTypeFormatters().Cast<TensorFormatterSource.TensorFormatter>().ToList();
        Assert.Equal(["text/plain", "text/html"], formatters.Select(f => f.MimeType));
        Assert.All(formatters, f => Assert.Equal(typeof(torch.Tensor), f.Type));
        var plain = new StringWriter();
        Assert.True(formatters[0].Format(x, plain));
        Assert.Equal(x.ToString(), plain.ToString());
        var html = new StringWriter();
        Assert.True(formatters[1].Format(x, html));
        Assert.StartsWith("<div><pre>", html.ToString());
        Assert.Contains("[1, 2]", html.ToString());
        Assert.False(formatters[0].Format("not a tensor", new StringWriter()));
    }
}
