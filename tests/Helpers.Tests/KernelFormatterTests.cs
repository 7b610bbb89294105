using Microsoft.DotNet.Interactive.Formatting;

namespace Helpers.Tests;

/// <summary>
/// The helpers register DataFrame's formatters with the kernel's formatter when they load (a module initializer): here
/// the kernel's formatter is the one this test project references, as a notebook's kernel has it.
/// </summary>
public class KernelFormatterTests
{
    [Fact]
    public void Once_the_helpers_are_loaded_a_data_frame_formats_as_their_table_and_prefers_html()
    {
        var frame = new[] { new { epoch = 1, loss = 180.4412 }, new { epoch = 2, loss = 150.0 } }.ToDataFrame();

        var html = frame.ToDisplayString(HtmlFormatter.MimeType);
        var text = frame.ToDisplayString(PlainTextFormatter.MimeType);

        Assert.Equal(DataFrames.ToHtml(frame), html);
        Assert.Equal(DataFrames.ToText(frame), text);
        Assert.DoesNotContain("dni-treeview", html);
        Assert.Equal(HtmlFormatter.MimeType, Formatter.GetPreferredMimeTypesFor(typeof(DataFrame)).First());
    }
}
