using TrustFundManager.Domain.Access;

namespace TrustFundManager.Workflows.Definitions;

public static class WorkflowRoles
{
    /// <summary>The application itself: timers, and acts recorded elsewhere such as a committee decision.</summary>
    public const string System = nameof(System);

    /// <summary>The roles a definition may name: the application roles and <see cref="System"/>.</summary>
    public static readonly IReadOnlyList<string> Known = [.. Roles.All, System];

    /// <summary>Roles that see everything, whatever a state's <c>visibleTo</c> says.</summary>
    public static readonly IReadOnlyList<string> SeeEverything = [Roles.FundManager, Roles.Administrator];
}
