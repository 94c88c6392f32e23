using System.Globalization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TrustFundManager.Api.OpenApi;

/// <summary>
/// A file answer (the Excel workbooks) is declared with its media type and no body type: the document shows it
/// as binary content of that type, so that a generated client returns the file's bytes.
/// </summary>
public sealed class FileResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        var declarations = context.Description.ActionDescriptor.EndpointMetadata.OfType<IProducesResponseTypeMetadata>()
            .Where(d => d.Type is null || d.Type == typeof(void));
        foreach (var declared in declarations)
        {
            var mediaTypes = declared.ContentTypes.Where(m => !m.Contains("json", StringComparison.Ordinal)).ToList();
            if (mediaTypes.Count == 0 ||
                operation.Responses?.GetValueOrDefault(declared.StatusCode.ToString(CultureInfo.InvariantCulture)) is not OpenApiResponse response)
                continue;
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            foreach (var mediaType in mediaTypes)
                response.Content[mediaType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                };
        }

        return Task.CompletedTask;
    }
}
