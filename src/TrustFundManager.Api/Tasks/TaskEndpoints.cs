using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Api.WorkflowInstances;
using TrustFundManager.Domain.Access;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Definitions;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Api.Tasks;

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

public sealed class TaskEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tasks/mine", Mine).WithTags("Tasks")
            .RequireAuthorization(Policies.SignedIn)
            .WithRequestValidation<TaskQuery>()
            .WithName("ListMyTasks")
            .WithSummary("What waits for the caller, oldest first: open tasks for the caller's roles within their scope, with links to act.");
    }

    private static async Task<Ok<TaskPage>> Mine([AsParameters] TaskQuery query, ClaimsPrincipal user,
        TrustFundDbContext db, WorkflowCatalog catalog, CancellationToken ct)
    {
        var (page, pageSize, skip) = Paging.Resolve(query.Page, query.PageSize);
        var actor = user.AsWorkflowActor();
        var tasks = OpenTasksFor(db.WorkflowTasks.AsNoTracking(), actor);

        var total = await tasks.CountAsync(ct);
        var items = await tasks.Include(t => t.Instance).OrderBy(t => t.OpenedAt).ThenBy(t => t.Id)
            .Skip(skip).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new TaskPage(items.Select(t => Describe(t, actor, catalog)).ToList(), page, pageSize, total));
    }

    /// <summary>
    /// Open tasks for one of the actor's roles; a scoped role only within its countries or organizations, and a task
    /// assigned to one person only for them.
    /// </summary>
    private static IQueryable<WorkflowTask> OpenTasksFor(IQueryable<WorkflowTask> tasks, WorkflowActor actor)
    {
        bool Holds(string role) => actor.Roles.Contains(role);
        var fundManager = Holds(Roles.FundManager);
        var administrator = Holds(Roles.Administrator);
        var member = Holds(Roles.SteeringCommitteeMember);
        var government = Holds(Roles.GovernmentFocalPoint) && actor.Country is not null;
        var organization = Holds(Roles.ParticipatingOrganization) && actor.Organization is not null;
        var countryToken = WorkflowScope.Token(actor.Country ?? "-");
        var organizationToken = WorkflowScope.Token(actor.Organization ?? "-");
        var fundManagerRole = WorkflowTask.RoleToken(Roles.FundManager);
        var administratorRole = WorkflowTask.RoleToken(Roles.Administrator);
        var memberRole = WorkflowTask.RoleToken(Roles.SteeringCommitteeMember);
        var governmentRole = WorkflowTask.RoleToken(Roles.GovernmentFocalPoint);
        var organizationRole = WorkflowTask.RoleToken(Roles.ParticipatingOrganization);

        var userId = actor.UserId;
        return tasks.Where(t => t.ClosedAt == null && (t.AssignedTo == null || t.AssignedTo == userId) && (
            (fundManager && t.Roles.Contains(fundManagerRole)) ||
            (administrator && t.Roles.Contains(administratorRole)) ||
            (member && t.Roles.Contains(memberRole)) ||
            (government && t.Roles.Contains(governmentRole) && t.Instance!.Countries.Contains(countryToken)) ||
            (organization && t.Roles.Contains(organizationRole) && t.Instance!.Organizations.Contains(organizationToken))));
    }

    private static TaskResponse Describe(WorkflowTask task, WorkflowActor actor, WorkflowCatalog catalog)
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
