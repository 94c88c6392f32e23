using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.OpenApi;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Workflows;

namespace TrustFundManager.Api.WorkflowInstances;

/// <summary>
/// Every workflow-driven resource through its workflow: its state, what the caller may do, its history, and
/// the actions themselves. Resource endpoints (concept notes, joint programmes) link here.
/// </summary>
public sealed class WorkflowInstanceEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflow-instances").WithTags("Workflows").RequireAuthorization(Policies.SignedIn);

        group.MapGet("/{id:guid}", Get).WithName("GetWorkflowInstance")
            .WithSummary("Reads a resource's workflow: state, version, the caller's allowed actions, open tasks and timers.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/history", History).WithName("GetWorkflowHistory")
            .WithSummary("The resource's journal, oldest first: every step with actor, roles, comment and time.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/actions/{action}", Fire).WithName("FireWorkflowAction")
            .WithWorkflowActions(workflowId: null)
            .WithRequestValidation<FireActionRequest>()
            .WithSummary("Takes a step: 403 if the caller may not, 409 if the state or an unmet guard does not allow it.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<WorkflowInstanceResponse>> Get(Guid id, ClaimsPrincipal user,
        WorkflowInstanceUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.GetAsync(id, user.AsWorkflowActor(), ct));

    private static async Task<Ok<List<JournalEntryResponse>>> History(Guid id, ClaimsPrincipal user,
        WorkflowInstanceUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.HistoryAsync(id, user.AsWorkflowActor(), ct));

    private static async Task<Ok<WorkflowInstanceResponse>> Fire(Guid id, string action, FireActionRequest? request,
        ClaimsPrincipal user, WorkflowInstanceUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.FireAsync(id, action, request, user.AsWorkflowActor(), ct));
}
