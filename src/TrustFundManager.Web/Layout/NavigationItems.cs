using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using TrustFundManager.Application.Access;
using TrustFundManager.Web.Workflow;
using TrustFundManager.Workflows;

namespace TrustFundManager.Web.Layout;

/// <summary>An entry of the navigation, shown to whoever holds its page's policy.</summary>
public sealed record NavigationItem(string Href, string TextKey, string Icon, AccessPolicy Policy,
    NavLinkMatch Match = NavLinkMatch.Prefix);

/// <summary>
/// The pages a user can reach from the navigation. A feature's page adds its entry here, with the same policy its
/// use cases require, so nobody is shown a link that leads to a refusal.
/// </summary>
public static class NavigationItems
{
    public static IReadOnlyList<NavigationItem> All { get; } =
    [
        new("/", "Nav.Home", Icons.Material.Filled.Inbox, AccessPolicies.SignedIn, NavLinkMatch.All),
        new("/ballots", "Nav.Ballots", Icons.Material.Filled.HowToVote, AccessPolicies.ReadCommittee),
        new("/decisions", "Nav.Decisions", Icons.Material.Filled.Gavel, AccessPolicies.SignedIn),
        new("/committee", "Nav.Committee", Icons.Material.Filled.Groups, AccessPolicies.SignedIn),
        new(WorkflowPages.List, "Nav.Workflows", Icons.Material.Filled.AccountTree, AccessPolicies.SignedIn),
    ];

    public static IEnumerable<NavigationItem> For(WorkflowActor actor) => All.Where(item => actor.Holds(item.Policy));
}
