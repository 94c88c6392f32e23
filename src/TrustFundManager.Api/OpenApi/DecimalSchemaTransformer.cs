using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TrustFundManager.Api.OpenApi;

/// <summary>
/// Amounts are exact decimals, but ASP.NET Core documents a <c>decimal</c> as <c>format: double</c>, from which
/// generators make <c>double</c> properties that round money. The schema says <c>format: decimal</c> instead, which
/// NSwag and Kiota turn into <c>decimal</c>.
/// </summary>
public sealed class DecimalSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context,
        CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(decimal)) schema.Format = "decimal";
        return Task.CompletedTask;
    }
}
