using System.Text.Json.Nodes;
using FluentAssertions;
using NotebookRunner.Apps;
using NotebookRunner.Notebooks;
using NotebookRunner.Parameters;
using Xunit;

namespace NotebookRunner.Tests;

/// <summary>What `nbrun app` makes of a notebook: the same lesson as a file-based app.</summary>
public sealed class AppGeneratorTests
{
    private const string Setup = "#r \"nuget: TorchSharp-cpu, 0.107.0\"\n#r \"../build/bin/Helpers.dll\"\nusing Microsoft.DotNet.Interactive;\nusing TorchSharp;\nusing Helpers;";
    private const string Parameters = "var epochs = 20;          // the source trains for 20 epochs\nvar rate = 0.5;\nvar device = \"cpu\";";

    private static Notebook Notebook(params (string Type, string Source, string[] Tags)[] cells) =>
        new("notebooks/07-example.ipynb", new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(cell => (JsonNode)new JsonObject
            {
                ["cell_type"] = cell.Type,
                ["metadata"] = new JsonObject { ["tags"] = new JsonArray(cell.Tags.Select(tag => (JsonNode)tag).ToArray()) },
                ["source"] = cell.Source,
            }).ToArray()),
        });

    private static (string, string, string[]) Code(string source, params string[] tags) => ("code", source, tags);

    private static (string, string, string[]) Markdown(string source) => ("markdown", source, []);

    private static string Generate(Notebook notebook) =>
        AppGenerator.Generate(notebook, "../notebooks/07-example.ipynb",
            [("smoke", [new ParameterSetting("epochs", JsonValue.Create(1), null, "test", false), new ParameterSetting("rate", JsonValue.Create(2), null, "test", false)])]);

    [Fact]
    public void Directives_become_package_and_project_references_and_usings_go_to_the_top()
    {
        var app = Generate(Notebook(Code(Setup), Code(Parameters, "parameters"), Code("using System.Text;\nvar text = new StringBuilder();")));

        app.Should().StartWith("#!/usr/bin/env dotnet\n");
        app.Should().Contain("#:package TorchSharp-cpu@0.107.0\n#:project support/AppSupport.csproj\n");
        app.Should().Contain("using TorchSharp;\nusing Helpers;\nusing System.Text;\nusing Helpers.Apps;\nusing static Helpers.Apps.Chapter;\n");
        app.Should().NotContain("Microsoft.DotNet.Interactive").And.NotContain("#r ");
        app.IndexOf("using System.Text;", StringComparison.Ordinal).Should().BeLessThan(app.IndexOf("Chapter.Start(", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_becomes_comments_and_each_code_cell_is_marked_for_the_report()
    {
        var app = Generate(Notebook(Code(Setup), Markdown("# Title\n\nSome *text*."), Code(Parameters, "parameters")));

        app.Should().Contain("// # Title\n//\n// Some *text*.\n\nChapter.Cell(2);\n");
    }

    [Fact]
    public void The_parameters_cell_becomes_options_with_the_notebooks_defaults_comments_and_profiles()
    {
        var app = Generate(Notebook(Code(Setup), Code(Parameters, "parameters")));

        app.Should().Contain("Chapter.Profile(\"smoke\", new { epochs = 1, rate = 2.0 });\n");
        app.Should().Contain("    new(\"epochs\", 20, \"the source trains for 20 epochs\"),\n    new(\"rate\", 0.5),\n    new(\"device\", \"cpu\"),\n");
        app.Should().Contain("var epochs = Chapter.Option<int>(\"epochs\");\nvar rate = Chapter.Option<double>(\"rate\");\nvar device = Chapter.Option<string>(\"device\");\n");
    }

    [Fact]
    public void A_cells_last_expression_is_displayed_as_the_notebook_shows_it()
    {
        var app = Generate(Notebook(Code(Setup), Code(Parameters, "parameters"),
            Code("var x = 2;\n// the answer\nx * 21"), Code("display(\"shown\");\nvar curves = KernelInvocationContext.Current.Display(HTML(\"<p>wait</p>\"));")));

        app.Should().Contain("var x = 2;\n// the answer\ndisplay(x * 21);\n");
        app.Should().Contain("display(\"shown\");\nvar curves = display(HTML(\"<p>wait</p>\"));\n");
    }

    [Fact]
    public void Classes_and_static_methods_move_into_Program_where_a_class_can_still_call_them()
    {
        var app = Generate(Notebook(Code(Setup), Code(Parameters, "parameters"),
            Code("static int Twice(int x) => 2 * x;\nint Local(int y) => y + epochs;\n// a model\nclass Model { public int Size => Twice(3); }\nvar model = new Model();")));

        var program = app[app.IndexOf("partial class Program", StringComparison.Ordinal)..];
        program.Should().Contain("    static int Twice(int x) => 2 * x;").And.Contain("    // a model\n    internal class Model { public int Size => Twice(3); }");
        app[..app.IndexOf("partial class Program", StringComparison.Ordinal)].Should()
            .Contain("int Local(int y) => y + epochs;", "a method that uses the cells' variables stays a local function")
            .And.Contain("var model = new Model();\n").And.NotContain("class Model");
    }

    [Fact]
    public void What_an_app_cannot_express_is_an_error_naming_the_notebook_and_cell()
    {
        var magic = () => Generate(Notebook(Code(Setup), Code(Parameters, "parameters"), Code("#!time\nvar x = 1;")));
        var assembly = () => Generate(Notebook(Code("#r \"../build/bin/Other.dll\""), Code(Parameters, "parameters")));
        var noParameters = () => Generate(Notebook(Code(Setup)));
        var computed = () => Generate(Notebook(Code(Setup), Code("var epochs = 2 * 10;", "parameters")));

        magic.Should().Throw<AppGenerationException>().WithMessage("notebooks/07-example.ipynb, cell 2: the magic command \"#!time\" has no meaning in an app");
        assembly.Should().Throw<AppGenerationException>().WithMessage("notebooks/07-example.ipynb, cell 0: the app references the helpers through support/AppSupport.csproj*");
        noParameters.Should().Throw<AppGenerationException>().WithMessage("*no cell tagged \"parameters\"*");
        computed.Should().Throw<AppGenerationException>().WithMessage("*parameter epochs needs a literal default*");
    }
}
