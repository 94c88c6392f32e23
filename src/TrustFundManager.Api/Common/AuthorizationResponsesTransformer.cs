using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TrustFundManager.Api.Common;

/// <summary>Documents the 401 and 403 answers of every endpoint that requires a signed-in caller.</summary>
public sealed class AuthorizationResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
            return Task.CompletedTask;

        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid bearer token." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The caller's role may not do this." });
        return Task.CompletedTask;
    }
}
