using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Application.Workflows;

/// <summary>
/// Every workflow-driven record through its workflow: its state, what the caller may do, its history, and the
/// actions themselves, for whoever may see the record.
/// </summary>
public sealed class WorkflowInstanceUseCases(TrustFundDbContext db, WorkflowEngine engine, WorkflowSubjects subjects,
    WorkflowActions actions)
{
    public async Task<WorkflowInstanceResponse> GetAsync(Guid id, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        var instance = await subjects.FindVisibleInstanceAsync(id, actor, tracked: false, ct);
        return await DescribeAsync(instance, actor, ct);
    }

    public async Task<List<JournalEntryResponse>> HistoryAsync(Guid id, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        var instance = await subjects.FindVisibleInstanceAsync(id, actor, tracked: false, ct);
        return await WorkflowJournalReader.ReadAsync(instance, db, engine, ct);
    }

    public async Task<WorkflowInstanceResponse> FireAsync(Guid id, string action, FireActionRequest? request,
        WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        var instance = await subjects.FindVisibleInstanceAsync(id, actor, tracked: true, ct);
        await actions.FireAsync(instance, action, actor, request, ct);
        await db.SaveChangesAsync(ct);
        return await DescribeAsync(instance, actor, ct);
    }

    private async Task<WorkflowInstanceResponse> DescribeAsync(WorkflowInstance instance, WorkflowActor actor,
        CancellationToken ct)
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
}
