using TrustFundManager.Workflows.Instances;
using AppRoles = TrustFundManager.Domain.Access.Roles;

namespace TrustFundManager.Workflows;

public static class WorkflowVisibility
{
    /// <summary>
    /// The instances the actor may see, filtered in SQL the way <see cref="WorkflowActor.CanSee"/> decides for one:
    /// the state shows the instance to one of the actor's roles, and a scoped role only within its scope.
    /// </summary>
    public static IQueryable<WorkflowInstance> VisibleTo(this IQueryable<WorkflowInstance> instances, WorkflowActor actor)
    {
        if (actor.SeesEverything) return instances;

        var government = actor.Roles.Contains(AppRoles.GovernmentFocalPoint) && actor.Country is not null;
        var organization = actor.Roles.Contains(AppRoles.ParticipatingOrganization) && actor.Organization is not null;
        var governmentRole = WorkflowTask.RoleToken(AppRoles.GovernmentFocalPoint);
        var organizationRole = WorkflowTask.RoleToken(AppRoles.ParticipatingOrganization);
        var countryToken = WorkflowScope.Token(actor.Country ?? "-");
        var organizationToken = WorkflowScope.Token(actor.Organization ?? "-");
        var member = actor.Roles.Contains(AppRoles.SteeringCommitteeMember);
        var memberRole = WorkflowTask.RoleToken(AppRoles.SteeringCommitteeMember);

        return instances.Where(i =>
            (government && i.VisibleRoles.Contains(governmentRole) && i.Countries.Contains(countryToken)) ||
            (organization && i.VisibleRoles.Contains(organizationRole) && i.Organizations.Contains(organizationToken)) ||
            (member && i.VisibleRoles.Contains(memberRole)));
    }
}
