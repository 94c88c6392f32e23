using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TrustFundManager.Api.OpenApi;

/// <summary>
/// Query parameters bound from a record (<c>[AsParameters] ConceptNoteQuery</c>) carry the property's name
/// (<c>PageSize</c>); the binding ignores case, and the API's JSON and errors are camelCase, so the document names
/// every query parameter in camelCase too (<c>pageSize</c>).
/// </summary>
public sealed class QueryParameterNamesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            if (parameter.In == ParameterLocation.Query && parameter.Name is { } name)
                parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(name);
        return Task.CompletedTask;
    }
}
