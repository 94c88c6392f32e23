namespace TrustFundManager.Api.OpenApi;

/// <summary>
/// Marks an endpoint whose <c>{action}</c> path segment names an action of a workflow, so the document lists the
/// actions a caller can take (<see cref="OperationDetailsTransformer"/>). No workflow id: any workflow's actions.
/// </summary>
public sealed record WorkflowActionsMetadata(string? WorkflowId);

public static class WorkflowActionsEndpointExtensions
{
    /// <summary>The <c>{action}</c> segment names an action of <paramref name="workflowId"/>'s definitions.</summary>
    public static RouteHandlerBuilder WithWorkflowActions(this RouteHandlerBuilder builder, string? workflowId) =>
        builder.WithMetadata(new WorkflowActionsMetadata(workflowId));
}
