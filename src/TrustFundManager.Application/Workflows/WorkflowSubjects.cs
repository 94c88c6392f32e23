using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.Common;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Application.Workflows;

/// <summary>
/// The one way to find a workflow-driven record (a concept note, a ballot, a programme, a report) for a caller: by
/// its workflow instance, which says who may see it in its current state. A record the caller may not see is not
/// found, exactly like one that does not exist, so that identifiers do not leak.
/// </summary>
public sealed class WorkflowSubjects(TrustFundDbContext db, WorkflowEngine engine)
{
    /// <summary>The workflow instance of the record <paramref name="subjectId"/> of workflow <paramref name="workflowId"/>.</summary>
    /// <exception cref="NotFoundException">There is none, or the caller may not see it (<paramref name="notFound"/> says which record).</exception>
    public async Task<WorkflowInstance> FindVisibleAsync(string workflowId, Guid subjectId, WorkflowActor actor,
        bool tracked, string notFound, CancellationToken ct)
    {
        var instance = await Instances(tracked)
            .SingleOrDefaultAsync(i => i.DefinitionId == workflowId && i.SubjectId == subjectId, ct);
        return instance is not null && actor.CanSee(engine.DefinitionOf(instance), instance)
            ? instance
            : throw new NotFoundException(notFound);
    }

    /// <summary>A workflow instance by its own id.</summary>
    /// <exception cref="NotFoundException">There is none, or the caller may not see it.</exception>
    public async Task<WorkflowInstance> FindVisibleInstanceAsync(Guid instanceId, WorkflowActor actor, bool tracked,
        CancellationToken ct)
    {
        var instance = await Instances(tracked).SingleOrDefaultAsync(i => i.Id == instanceId, ct);
        return instance is not null && actor.CanSee(engine.DefinitionOf(instance), instance)
            ? instance
            : throw new NotFoundException($"There is no workflow instance {instanceId}.");
    }

    /// <summary>The instances of <paramref name="workflowId"/> the caller may see, filtered in SQL.</summary>
    public IQueryable<WorkflowInstance> VisibleTo(string workflowId, WorkflowActor actor) =>
        db.WorkflowInstances.AsNoTracking().Where(i => i.DefinitionId == workflowId).VisibleTo(actor);

    private IQueryable<WorkflowInstance> Instances(bool tracked) =>
        tracked ? db.WorkflowInstances : db.WorkflowInstances.AsNoTracking();
}
