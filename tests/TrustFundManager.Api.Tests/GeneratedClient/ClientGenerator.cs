using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace TrustFundManager.Api.Tests.GeneratedClient;

/// <summary>
/// Makes a C# client from the API's OpenAPI document as an integrator would (NSwag, System.Text.Json, one client
/// class named by the operation ids) and compiles it with Roslyn into an assembly of its own, in memory.
/// NSwag rather than Kiota: its generator is a library on NuGet, and its client is one file that needs nothing but the
/// .NET runtime (HttpClient, System.Text.Json), where a Kiota client is many files that need Kiota's runtime
/// packages (abstractions, HTTP, serialization) beside them; and it is the generator docs/integrators.md shows.
/// </summary>
internal static class ClientGenerator
{
    public const string Namespace = "Partner.TrustFund";
    public const string ClassName = "TrustFundClient";

    /// <summary>The generator's settings, the same as <c>nswag openapi2csclient /JsonLibrary:SystemTextJson</c> in docs/integrators.md.</summary>
    public static async Task<string> GenerateAsync(string documentJson)
    {
        var document = await OpenApiDocument.FromJsonAsync(documentJson);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = ClassName,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
            UseBaseUrl = false, // requests are relative to the HttpClient's BaseAddress
            GenerateClientInterfaces = false,
            GenerateOptionalParameters = true, // a list's filters and paging may be left out
            CSharpGeneratorSettings =
            {
                Namespace = Namespace,
                JsonLibrary = CSharpJsonLibrary.SystemTextJson,
            },
        };
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }

    /// <summary>Compiles <paramref name="source"/>; errors throw with each diagnostic and the line it points at.</summary>
    public static Assembly Compile(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create($"{Namespace}.Generated", [tree], FrameworkReferences(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (!result.Success)
        {
            var lines = source.Split('\n');
            throw new InvalidOperationException(
                $"The generated client does not compile ({errors.Count} errors):{Environment.NewLine}" + string.Join(Environment.NewLine,
                    errors.Take(30).Select(d => $"{d}{Environment.NewLine}    {lines[d.Location.GetLineSpan().StartLinePosition.Line].Trim()}")));
        }

        image.Position = 0;
        return new AssemblyLoadContext($"{Namespace}.Generated").LoadFromStream(image);
    }

    /// <summary>The .NET runtime's own assemblies (System.Runtime, System.Net.Http, System.Text.Json, ...): nothing else.</summary>
    private static IEnumerable<MetadataReference> FrameworkReferences()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == runtimeDirectory && Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Select(path => MetadataReference.CreateFromFile(path));
    }
}
