using TrustFundManager.Workflows.Instances;
using AppRoles = TrustFundManager.Domain.Access.Roles;

namespace TrustFundManager.Workflows;

/// <summary>
/// What an actor may see and what waits for them, filtered in SQL the way <see cref="WorkflowActor.CanSee"/> and
/// <see cref="WorkflowActor.ActsAs"/> decide for one instance: a scoped role (a government, an organization) only
/// within its countries or organizations.
/// </summary>
public static class WorkflowVisibility
{
    /// <summary>The instances whose state shows them to one of the actor's roles, a scoped role only within its scope.</summary>
    public static IQueryable<WorkflowInstance> VisibleTo(this IQueryable<WorkflowInstance> instances, WorkflowActor actor)
    {
        if (actor.SeesEverything) return instances;

        var scope = ScopeOf(actor);
        var governmentRole = WorkflowTask.RoleToken(AppRoles.GovernmentFocalPoint);
        var organizationRole = WorkflowTask.RoleToken(AppRoles.ParticipatingOrganization);
        var memberRole = WorkflowTask.RoleToken(AppRoles.SteeringCommitteeMember);

        return instances.Where(i =>
            (scope.Government && i.VisibleRoles.Contains(governmentRole) && i.Countries.Contains(scope.CountryToken)) ||
            (scope.Organization && i.VisibleRoles.Contains(organizationRole) && i.Organizations.Contains(scope.OrganizationToken)) ||
            (scope.Member && i.VisibleRoles.Contains(memberRole)));
    }

    /// <summary>
    /// The open tasks for one of the actor's roles (a scoped role only within its scope), and a task assigned to one
    /// person only for them: the actor's inbox.
    /// </summary>
    public static IQueryable<WorkflowTask> OpenFor(this IQueryable<WorkflowTask> tasks, WorkflowActor actor)
    {
        var scope = ScopeOf(actor);
        var fundManager = actor.Roles.Contains(AppRoles.FundManager);
        var administrator = actor.Roles.Contains(AppRoles.Administrator);
        var fundManagerRole = WorkflowTask.RoleToken(AppRoles.FundManager);
        var administratorRole = WorkflowTask.RoleToken(AppRoles.Administrator);
        var memberRole = WorkflowTask.RoleToken(AppRoles.SteeringCommitteeMember);
        var governmentRole = WorkflowTask.RoleToken(AppRoles.GovernmentFocalPoint);
        var organizationRole = WorkflowTask.RoleToken(AppRoles.ParticipatingOrganization);
        var userId = actor.UserId;

        return tasks.Where(t => t.ClosedAt == null && (t.AssignedTo == null || t.AssignedTo == userId) && (
            (fundManager && t.Roles.Contains(fundManagerRole)) ||
            (administrator && t.Roles.Contains(administratorRole)) ||
            (scope.Member && t.Roles.Contains(memberRole)) ||
            (scope.Government && t.Roles.Contains(governmentRole) && t.Instance!.Countries.Contains(scope.CountryToken)) ||
            (scope.Organization && t.Roles.Contains(organizationRole) &&
             t.Instance!.Organizations.Contains(scope.OrganizationToken))));
    }

    private sealed record ActorScope(bool Government, bool Organization, bool Member, string CountryToken,
        string OrganizationToken);

    /// <summary>Which scoped roles the actor holds with a scope, and the tokens an instance's scope columns hold.</summary>
    private static ActorScope ScopeOf(WorkflowActor actor) => new(
        actor.Roles.Contains(AppRoles.GovernmentFocalPoint) && actor.Country is not null,
        actor.Roles.Contains(AppRoles.ParticipatingOrganization) && actor.Organization is not null,
        actor.Roles.Contains(AppRoles.SteeringCommitteeMember),
        WorkflowScope.Token(actor.Country ?? "-"),
        WorkflowScope.Token(actor.Organization ?? "-"));
}
