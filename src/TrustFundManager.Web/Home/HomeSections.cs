using TrustFundManager.Application.Access;
using TrustFundManager.Web.Inbox;
using TrustFundManager.Workflows;

namespace TrustFundManager.Web.Home;

/// <summary>A part of the home page, shown to whoever holds its policy, in the order of <see cref="HomeSections.All"/>.</summary>
public sealed record HomeSection(Type Component, AccessPolicy Policy);

/// <summary>
/// The home page, per role: every section the user's roles open, in this order. The inbox comes first for
/// everyone. A role's own section (a government's notes by state, a member's open ballots, the FMU's dashboard, an
/// organization's programmes) is added here as a component of its feature once its use case exists
/// (see docs/web.md).
/// </summary>
public static class HomeSections
{
    public static IReadOnlyList<HomeSection> All { get; } =
    [
        new(typeof(InboxSection), AccessPolicies.SignedIn),
    ];

    public static IEnumerable<HomeSection> For(WorkflowActor actor) => All.Where(s => actor.Holds(s.Policy));
}
