using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace TrustFundManager.Testing;

/// <summary>
/// Holds every <c>/api</c> answer the tests receive to the API's own OpenAPI document: the status is documented for
/// the operation, the content type is one it documents, and a JSON body is valid against the documented schema
/// (JsonSchema.Net, draft 2020-12 as OpenAPI 3.1 uses). An answer that breaks the document is replaced by a 500 whose
/// body says how, so the test that caused it fails and names the broken promise.
/// </summary>
public sealed partial class OpenApiConformance
{
    private static readonly Uri DocumentUri = new("https://trustfundmanager.test/openapi/v1.json");
    private static readonly SemaphoreSlim LoadLock = new(1, 1);
    private static OpenApiConformance? _shared;

    private readonly List<(string Method, Regex Path, int Literals, JsonElement Operation)> _operations;
    private readonly BuildOptions _buildOptions;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();

    private OpenApiConformance(JsonDocument document)
    {
        var registry = new SchemaRegistry();
        registry.Register(DocumentUri, new JsonElementBaseDocument(document.RootElement, DocumentUri));
        _buildOptions = new BuildOptions { SchemaRegistry = registry };
        _operations =
        [
            .. document.RootElement.GetProperty("paths").EnumerateObject().SelectMany(path =>
                path.Value.EnumerateObject().Select(operation => (
                    operation.Name.ToUpperInvariant(),
                    new Regex("^" + PathParameter().Replace(Regex.Escape(path.Name).Replace(@"\{", "{"), "[^/]+") + "$",
                        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant),
                    path.Name.Split('/').Count(segment => !segment.StartsWith('{')),
                    operation.Value))),
        ];
    }

    /// <summary>The document, read once per test run from a host of its own (every Development host serves the same).</summary>
    public static async Task<OpenApiConformance> SharedAsync()
    {
        if (_shared is { } loaded) return loaded;
        await LoadLock.WaitAsync();
        try
        {
            if (_shared is not null) return _shared;
            await using var host = new SqliteApiFactory { ChecksConformance = false };
            using var client = host.CreateClient();
            var text = await client.GetStringAsync("/openapi/v1.json");
            return _shared = new OpenApiConformance(JsonDocument.Parse(text));
        }
        finally
        {
            LoadLock.Release();
        }
    }

    /// <summary>What is wrong with the answer, or null when it keeps the document's promises (or is no operation's).</summary>
    public string? Check(string method, string path, int status, string? contentType, ReadOnlyMemory<byte> body)
    {
        var operation = _operations
            .Where(o => o.Method == method && o.Path.IsMatch(path))
            .OrderByDescending(o => o.Literals)
            .Select(o => (JsonElement?)o.Operation)
            .FirstOrDefault();
        if (operation is not { } found) return null; // no operation answers here (405, an unknown path): routing's answer

        var name = found.TryGetProperty("operationId", out var id) ? id.GetString() : $"{method} {path}";
        var responses = found.GetProperty("responses");
        if (!responses.TryGetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response)
            && !responses.TryGetProperty("default", out response))
            return $"{name} answered {status}, which its responses do not document.";

        if (body.IsEmpty) return null;
        if (!response.TryGetProperty("content", out var content))
            return $"{name} answered {status} with a body, where the document promises none.";
        var mediaType = contentType?.Split(';')[0].Trim();
        if (mediaType is null || !content.TryGetProperty(mediaType, out var media))
            return $"{name} answered {status} as '{contentType}', which is not among the documented " +
                   $"{string.Join(", ", content.EnumerateObject().Select(c => c.Name))}.";
        if (!mediaType.EndsWith("json", StringComparison.Ordinal) || !media.TryGetProperty("schema", out var schemaElement))
            return null;

        var schema = _schemas.GetOrAdd(schemaElement.GetRawText(), Build);
        using var instance = JsonDocument.Parse(body);
        // The flag answers fastest; only a refused body is evaluated again for the details.
        if (schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid)
            return null;
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
            .Take(8);
        return $"{name} answered {status} with a body its schema refuses: {string.Join("; ", errors)}";
    }

    /// <summary>A response's schema, its references to the document's components resolved in the registered document.</summary>
    private JsonSchema Build(string schemaText)
    {
        var absolute = schemaText.Replace("\"#/components/", $"\"{DocumentUri}#/components/", StringComparison.Ordinal);
        using var document = JsonDocument.Parse(absolute);
        return JsonSchema.Build(document.RootElement.Clone(), _buildOptions,
            new Uri($"https://trustfundmanager.test/responses/{Guid.NewGuid():N}"));
    }

    [GeneratedRegex(@"\{[^}/]+\}")]
    private static partial Regex PathParameter();

    /// <summary>
    /// Buffers each <c>/api</c> answer and checks it before it leaves the host; a broken promise becomes a 500 that
    /// says which (an answer already started, which none is today, is let through and reported by the next check).
    /// </summary>
    internal sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(CheckAsync);
            next(app);
        };

        private static async Task CheckAsync(HttpContext context, RequestDelegate next)
        {
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            var conformance = await SharedAsync();
            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            var violation = conformance.Check(context.Request.Method, context.Request.Path.Value ?? "",
                context.Response.StatusCode, context.Response.ContentType, buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            if (violation is not null && !context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                // The reason phrase shows in a failing test's assertion message, which rarely prints the body.
                context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseFeature>()!.ReasonPhrase =
                    "Breaks the OpenAPI document: " + violation.ReplaceLineEndings(" ");
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("The response breaks the OpenAPI document: " + violation, Encoding.UTF8);
                return;
            }

            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        }
    }
}
