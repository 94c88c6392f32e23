using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

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
            .WithSummary("Reads a resource's workflow: state, version, the caller's allowed actions, open tasks and timers.");
        group.MapGet("/{id:guid}/history", History).WithName("GetWorkflowHistory")
            .WithSummary("The resource's journal, oldest first: every step with actor, roles, comment and time.");
        group.MapPost("/{id:guid}/actions/{action}", Fire).WithName("FireWorkflowAction")
            .WithRequestValidation<FireActionRequest>()
            .WithSummary("Takes a step: 403 if the caller may not, 409 if the state or an unmet guard does not allow it.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<WorkflowInstanceResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user,
        TrustFundDbContext db, WorkflowEngine engine, CancellationToken ct)
    {
        var actor = user.AsWorkflowActor();
        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (instance is null || !actor.CanSee(engine.DefinitionOf(instance), instance)) return NotFound(id);
        return TypedResults.Ok(await DescribeAsync(instance, actor, db, engine, ct));
    }

    private static async Task<Results<Ok<List<JournalEntryResponse>>, ProblemHttpResult>> History(Guid id,
        ClaimsPrincipal user, TrustFundDbContext db, WorkflowEngine engine, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (instance is null || !user.AsWorkflowActor().CanSee(engine.DefinitionOf(instance), instance)) return NotFound(id);

        return TypedResults.Ok(await WorkflowJournalReader.ReadAsync(instance, db, engine, ct));
    }

    private static async Task<Results<Ok<WorkflowInstanceResponse>, ProblemHttpResult>> Fire(Guid id, string action,
        FireActionRequest? request, ClaimsPrincipal user, TrustFundDbContext db, WorkflowEngine engine,
        CancellationToken ct)
    {
        var actor = user.AsWorkflowActor();
        var instance = await db.WorkflowInstances.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (instance is null) return NotFound(id);
        var definition = engine.DefinitionOf(instance);
        if (!actor.CanSee(definition, instance)) return NotFound(id);
        if (definition.FindAction(action) is null)
            return ApiProblems.NotFound($"The {definition.Title.ToLowerInvariant()} workflow has no action '{action}'.");
        if (request?.Version is { } version && version != instance.Version)
            return ApiProblems.Conflict("This resource has changed since you read it; read it again before acting.");

        await engine.FireAsync(instance, action, actor, request?.Comment, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await DescribeAsync(instance, actor, db, engine, ct));
    }

    private static async Task<WorkflowInstanceResponse> DescribeAsync(WorkflowInstance instance, WorkflowActor actor,
        TrustFundDbContext db, WorkflowEngine engine, CancellationToken ct)
    {
        var definition = engine.DefinitionOf(instance);
        var state = definition.State(instance.State);
        var allowed = await engine.AvailableActionsAsync(instance, actor, ct);
        var tasks = await db.WorkflowTasks.AsNoTracking()
            .Where(t => t.InstanceId == instance.Id && t.ClosedAt == null).OrderBy(t => t.OpenedAt).ToListAsync(ct);
        var timers = await db.WorkflowTimers.AsNoTracking()
            .Where(t => t.InstanceId == instance.Id && t.Status == WorkflowTimerStatus.Pending).ToListAsync(ct);

        return new WorkflowInstanceResponse(instance.Id,
            new WorkflowReference(instance.DefinitionId, instance.DefinitionVersion),
            new SubjectReference(instance.DefinitionId, instance.SubjectId, instance.SubjectTitle),
            new StateReference(state.Name, state.Title, state.Terminal),
            instance.Version, instance.StartedAt, instance.UpdatedAt,
            allowed.Select(a => a.ToResponse(instance.Id)).ToList(),
            tasks.Select(t => new OpenTaskResponse(t.Id, t.Title, t.RoleNames, t.OpenedAt)).ToList(),
            timers.OrderBy(t => t.DueAt).Select(t => new PendingTimerResponse(t.Action, t.DueAt)).ToList(),
            WorkflowInstanceLinks.History(instance.Id));
    }

    private static ProblemHttpResult NotFound(Guid id) => ApiProblems.NotFound($"There is no workflow instance {id}.");
}
