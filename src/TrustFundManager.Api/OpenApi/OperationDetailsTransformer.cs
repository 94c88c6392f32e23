using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TrustFundManager.Application.Access;
using TrustFundManager.Workflows.Definitions;

namespace TrustFundManager.Api.OpenApi;

/// <summary>
/// What an integrator needs beside an operation's summary, taken from what the endpoint enforces so that it cannot
/// drift: the description says who may call it (the endpoint's access policy, the same one the use case checks), and
/// an <c>{action}</c> path parameter lists the workflow actions a caller can take (those only the application itself
/// takes, such as a ballot's close at its deadline, are left out: a caller who names one gets 403).
/// </summary>
public sealed class OperationDetailsTransformer(WorkflowCatalog workflows) : IOpenApiOperationTransformer
{
    private static readonly IReadOnlyDictionary<string, AccessPolicy> PoliciesByName =
        AccessPolicies.All.ToDictionary(p => p.Name);

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Description = AccessDescription(metadata);
        if (metadata.OfType<WorkflowActionsMetadata>().Any())
            operation.Description += " Each action names its own roles in the workflow's definition " +
                                     "(GET /api/workflows/{id}/versions/{version}); the record's allowedActions " +
                                     "list those the caller may take now.";

        if (metadata.OfType<WorkflowActionsMetadata>().LastOrDefault() is { } actions
            && operation.Parameters?.FirstOrDefault(p => p.Name == "action") is OpenApiParameter { Schema: OpenApiSchema schema })
        {
            schema.Enum = [.. ActionNames(actions.WorkflowId).Select(name => (System.Text.Json.Nodes.JsonNode)name!)];
        }

        return Task.CompletedTask;
    }

    private static string AccessDescription(IList<object> metadata)
    {
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
            return "Who may call it: anyone, without a token.";

        var policies = metadata.OfType<IAuthorizeData>()
            .Select(a => a.Policy is { } name && PoliciesByName.TryGetValue(name, out var policy) ? policy : null)
            .OfType<AccessPolicy>()
            .DistinctBy(p => p.Name)
            .ToList();
        if (policies.Count == 0) return "Who may call it: any signed-in user.";

        // Several policies (a group's and the endpoint's) must all admit the caller: the narrowest says it.
        var policy = policies.MinBy(p => p.Roles.Count)!;
        return $"Who may call it: {policy.Description} (roles: {string.Join(", ", policy.Roles)}).";
    }

    private IEnumerable<string> ActionNames(string? workflowId) =>
        workflows.Files
            .Where(f => workflowId is null || f.Definition.Id == workflowId)
            .SelectMany(f => f.Definition.Actions)
            .Where(a => a.Roles.Any(role => role != WorkflowRoles.System))
            .Select(a => a.Name)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
}
