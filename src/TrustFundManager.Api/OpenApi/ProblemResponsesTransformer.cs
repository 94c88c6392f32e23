using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TrustFundManager.Api.OpenApi;

/// <summary>
/// Documents the answers every operation can give besides its success, each with the problem body the API
/// sends (<c>application/problem+json</c>), so that a generated client can read them: 401 and 403 (and the bearer
/// requirement) where a token is needed, 404 where a path names a record (it may not exist, or the caller may not
/// see it), 400 with <c>errors</c> by field where a query or a body is read, 413 and 415 where a body is read, 409 on
/// every <c>/api</c> write, and 429 (with <c>Retry-After</c>) and 504 on every <c>/api</c> call. Answers an endpoint
/// declares itself (422...) get the problem body if they were declared without one; a 409 gets the validation
/// problem's, whose <c>errors</c> names <c>version</c> when a write was made on a stale read.
/// </summary>
public sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation has no document.");
        var problem = await ComponentAsync(typeof(ProblemDetails), nameof(ProblemDetails), context, cancellationToken);
        var validationProblem = await ComponentAsync(typeof(HttpValidationProblemDetails),
            nameof(HttpValidationProblemDetails), context, cancellationToken);
        operation.Responses ??= new OpenApiResponses();

        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
        {
            operation.Security = []; // written as "security: []": no token needed
        }
        else
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(BearerSecuritySchemeTransformer.SchemeName, document)] = [],
                },
            ];
            Add(operation, "401", "No valid bearer token (missing, expired or not issued for this API).", problem);
            Add(operation, "403", "The caller's role may not do this, or the caller may see this record but not change it.",
                problem);
        }

        var parameters = context.Description.ParameterDescriptions;
        if (parameters.Any(p => p.Source == BindingSource.Path))
            Add(operation, "404", "There is no such record, or the caller may not see it.", problem);
        if (parameters.Any(p => p.Source == BindingSource.Query || p.Source == BindingSource.Body) || operation.RequestBody is not null)
            Add(operation, "400", "The request is malformed or breaks a rule; 'errors' names each field.", validationProblem);

        if (operation.RequestBody is not null)
        {
            Add(operation, "413", "The request body is larger than the API accepts (Api:MaxRequestBodyBytes).", problem);
            Add(operation, "415", "The request body is not of a media type the operation reads (application/json).", problem);
        }
        var isApi = context.Description.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true;
        if (isApi && !HttpMethods.IsGet(context.Description.HttpMethod ?? HttpMethods.Get))
            // Any write can meet another at the same moment (a stale version, the same unique key): the answer is a 409.
            Add(operation, "409", "The record's state does not allow this, or someone else changed it at the same " +
                                  "moment: 'errors' names 'version' when the write was made on a stale read.", validationProblem);
        if (isApi)
        {
            // Every /api call is rate-limited per caller and stopped when it runs too long (RateLimits).
            Add(operation, "429", "The caller made more requests of this kind than the fund allows in a minute; " +
                                  "'Retry-After' says how many seconds to wait.", problem);
            if (operation.Responses["429"] is OpenApiResponse tooMany) tooMany.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before trying again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                },
            };
            Add(operation, "504", "The request ran past the time the API allows and was stopped; nothing it started was saved.",
                problem);
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (!status.StartsWith('4') && !status.StartsWith('5')) continue;
            // A 409 names the fields in conflict ('version' when the record changed since it was read), so a
            // generated client must read it with 'errors'.
            var schema = status == "409" ? validationProblem : problem;
            if (response is OpenApiResponse { Content: null or { Count: 0 } } bare)
                bare.Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = schema } };
            else if (status == "409" && response.Content?.TryGetValue(ProblemJson, out var declared) == true)
                declared.Schema = validationProblem;
        }
    }

    private static void Add(OpenApiOperation operation, string status, string description, IOpenApiSchema schema) =>
        operation.Responses!.TryAdd(status, new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = schema } },
        });

    private static async Task<IOpenApiSchema> ComponentAsync(Type type, string id,
        OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(id) != true)
            document.AddComponent(id, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
        return new OpenApiSchemaReference(id, document);
    }
}
