using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TrustFundManager.Api.OpenApi;

/// <summary>
/// Every problem the API sends carries the members <c>Program</c>'s problem customization adds (the trace, the
/// server's correlation id and the caller's own, when it sent one); the schema of a problem names them, as a client
/// reading <c>additionalProperties: false</c> must find every member it receives.
/// </summary>
public sealed class ProblemExtensionsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context,
        CancellationToken cancellationToken)
    {
        if (!typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type)) return Task.CompletedTask;

        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["traceId"] = Text("The request's trace, to quote when reporting a problem.");
        schema.Properties["correlationId"] = Text("The server's correlation id of the request (also in the X-Correlation-Id header).");
        schema.Properties["clientCorrelationId"] = Text("The caller's own X-Correlation-Id, when it sent one.");
        return Task.CompletedTask;
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
