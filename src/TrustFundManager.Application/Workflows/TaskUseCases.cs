using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Common;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Definitions;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Application.Workflows;

public sealed record TaskActionLink(string Name, string Title, bool CommentRequired, string Method, string Href);

public sealed record TaskResponse(
    Guid Id,
    string Title,
    DateTimeOffset OpenedAt,
    StateReference State,
    WorkflowReference Workflow,
    SubjectReference Subject,
    string InstanceHref,
    IReadOnlyList<TaskActionLink> Actions);

public sealed record TaskPage(IReadOnlyList<TaskResponse> Items, int Page, int PageSize, int TotalCount);

public sealed record TaskQuery(int? Page, int? PageSize);

public sealed class TaskQueryValidator : AbstractValidator<TaskQuery>
{
    public TaskQueryValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}

/// <summary>The caller's inbox: what waits for them, within their roles and scope.</summary>
public sealed class TaskUseCases(TrustFundDbContext db, WorkflowCatalog catalog)
{
    public async Task<TaskPage> MineAsync(TaskQuery query, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        var (page, pageSize, skip) = Paging.Resolve(query.Page, query.PageSize);
        var tasks = db.WorkflowTasks.AsNoTracking().OpenFor(actor);

        var items = await tasks.Include(t => t.Instance).OrderBy(t => t.OpenedAt).ThenBy(t => t.Id)
            .Skip(skip).Take(pageSize).ToListAsync(ct);
        // A page that is not full is the last one: its tasks give the total, and most inboxes fit on one page.
        var total = items.Count < pageSize && (items.Count > 0 || skip == 0)
            ? skip + items.Count
            : await tasks.CountAsync(ct);
        return new TaskPage(items.Select(t => Describe(t, actor)).ToList(), page, pageSize, total);
    }

    private TaskResponse Describe(WorkflowTask task, WorkflowActor actor)
    {
        var instance = task.Instance!;
        var definition = catalog.Get(instance.DefinitionId, instance.DefinitionVersion);
        var state = definition.State(task.State);
        var actions = definition.ActionsFrom(task.State).Where(a => actor.MayFire(a, instance))
            .Select(a => new TaskActionLink(a.Name, a.Title, a.CommentRequired, "POST",
                WorkflowInstanceLinks.Action(instance.Id, a.Name)))
            .ToList();
        return new TaskResponse(task.Id, task.Title, task.OpenedAt, new StateReference(state.Name, state.Title, state.Terminal),
            new WorkflowReference(instance.DefinitionId, instance.DefinitionVersion),
            new SubjectReference(instance.DefinitionId, instance.SubjectId, instance.SubjectTitle),
            WorkflowInstanceLinks.Instance(instance.Id), actions);
    }
}
