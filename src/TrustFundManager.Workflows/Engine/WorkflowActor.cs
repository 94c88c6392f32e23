using TrustFundManager.Workflows.Definitions;
using TrustFundManager.Workflows.Instances;
using AppRoles = TrustFundManager.Domain.Access.Roles;

namespace TrustFundManager.Workflows;

/// <summary>Who fires an action: a signed-in user with roles and scope, or the application itself.</summary>
public sealed record WorkflowActor(
    string UserId,
    string DisplayName,
    IReadOnlyList<string> Roles,
    string? Country = null,
    string? Organization = null,
    string? Constituency = null)
{
    /// <summary>The application itself, under the name the audit log gives it.</summary>
    public static readonly WorkflowActor System = new("system", "TrustFundManager", [WorkflowRoles.System]);

    public bool IsSystem => Roles.Contains(WorkflowRoles.System);

    public bool SeesEverything => IsSystem || Roles.Any(WorkflowRoles.SeeEverything.Contains);

    /// <summary>
    /// Whether the actor holds <paramref name="role"/> for this instance: a government only for its own
    /// countries, an organization only where it takes part.
    /// </summary>
    public bool ActsAs(string role, WorkflowInstance instance) =>
        Roles.Contains(role) && role switch
        {
            AppRoles.GovernmentFocalPoint => instance.CoversCountry(Country),
            AppRoles.ParticipatingOrganization => instance.CoversOrganization(Organization),
            _ => true,
        };

    /// <summary>Whether the actor may see the instance in its current state.</summary>
    public bool CanSee(WorkflowDefinition definition, WorkflowInstance instance) =>
        SeesEverything || definition.State(instance.State).VisibleTo.Any(role => ActsAs(role, instance));

    /// <summary>Whether the actor holds one of the action's roles for this instance (guards aside).</summary>
    public bool MayFire(ActionDefinition action, WorkflowInstance instance) =>
        action.Roles.Any(role => ActsAs(role, instance));
}
