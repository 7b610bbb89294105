using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookRunner.Execution;

/// <summary>
/// One C# script state shared by all cells of a notebook, set up like .NET Interactive's C#
/// kernel (polyglot.md §3): the same default imports, the latest language version, #r and
/// #load relative to the notebook's folder, each cell continuing the previous one's state.
/// </summary>
internal sealed class ScriptSession : IDisposable
{
    private static readonly string[] DefaultImports =
    [
        "System", "System.Text", "System.Collections", "System.Collections.Generic",
        "System.Threading.Tasks", "System.Linq",
    ];

    private readonly ScriptOptions options;
    private ScriptState<object>? state;
    private readonly KernelThread thread = new("notebook kernel");

    public ScriptSession(string baseDirectory)
    {
        options = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithImports(DefaultImports)
            .WithReferences(FrameworkReferences.Value.Append(MetadataReference.CreateFromFile(typeof(ScriptSession).Assembly.Location)))
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory))
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, baseDirectory))
            // Notebooks train models in plain loops; optimised code keeps them from crawling.
            .WithOptimizationLevel(OptimizationLevel.Release);
    }

    /// <summary>
    /// Every assembly of the shared framework, as a project targeting it would see them, so
    /// System.IO.Compression or System.Text.Json need no #r. Loaded once per process.
    /// </summary>
    private static readonly Lazy<IReadOnlyList<MetadataReference>> FrameworkReferences = new(() =>
    {
        var frameworkDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator);
        return trusted
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                && Path.GetFullPath(Path.GetDirectoryName(path)!) + Path.DirectorySeparatorChar == Path.GetFullPath(frameworkDirectory))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    });

    /// <summary>Runs one submission on the session's own thread (see <see cref="KernelThread"/>).</summary>
    public Task<SubmissionResult> SubmitAsync(string code, CancellationToken cancellation) =>
        thread.Run(() => RunAsync(code, cancellation), cancellation);

    public void Dispose() => thread.Dispose();

    private async Task<SubmissionResult> RunAsync(string code, CancellationToken cancellation)
    {
        try
        {
            state = state is null
                ? await CSharpScript.Create(code, options).RunAsync(catchException: _ => true, cancellationToken: cancellation)
                : await state.ContinueWithAsync(code, options, catchException: _ => true, cancellationToken: cancellation);
        }
        catch (CompilationErrorException error)
        {
            var messages = error.Diagnostics
                .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
                .Select(diagnostic => diagnostic.ToString());
            return SubmissionResult.Failed(string.Join('\n', messages));
        }
        if (state.Exception is { } exception)
            return SubmissionResult.Failed(exception.ToString());
        // Only a submission ending in an expression (no semicolon) of a non-void type has a value.
        return EndsInValue(state.Script.GetCompilation()) ? SubmissionResult.WithValue(state.ReturnValue) : SubmissionResult.NoValue;
    }

    /// <summary>
    /// Whether the submission ends in an expression with no semicolon whose type is not void,
    /// the rule Roslyn uses for a script's result (its own check is internal).
    /// </summary>
    private static bool EndsInValue(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Single();
        var last = tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().LastOrDefault();
        if (last?.Statement is not ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement)
            return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).ConvertedType;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }
}

internal sealed record SubmissionResult(string? Error, bool HasValue, object? Value)
{
    public static readonly SubmissionResult NoValue = new(null, false, null);

    public static SubmissionResult WithValue(object? value) => new(null, true, value);

    public static SubmissionResult Failed(string message) => new(message, false, null);
}
