using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TrustFundManager.Api.OpenApi;

/// <summary>
/// The API writes enums as their names (<c>JsonStringEnumConverter</c>): their schemas say <c>type: string</c>, so
/// that generators make string enums, and list the names only. Where a value may be null, the property's schema
/// says so beside the reference (<c>oneOf: [null, Region]</c>); a null inside the enum as well would make a null
/// match both branches, which <c>oneOf</c> forbids.
/// </summary>
public sealed class EnumSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context,
        CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (!type.IsEnum || schema.Enum is not { Count: > 0 } values) return Task.CompletedTask;

        schema.Type = JsonSchemaType.String;
        for (var i = values.Count - 1; i >= 0; i--)
            if (values[i] is null) values.RemoveAt(i);
        return Task.CompletedTask;
    }
}
