using TrustFundManager.Application.Access;
using TrustFundManager.Domain.Access;
using TrustFundManager.Web.Committee;
using TrustFundManager.Web.ConceptNotes;
using TrustFundManager.Web.Funding;
using TrustFundManager.Web.Inbox;
using TrustFundManager.Web.Programmes;
using TrustFundManager.Workflows;

namespace TrustFundManager.Web.Home;

/// <summary>
/// A part of the home page, shown to whoever holds its policy (the policy of the use cases it calls), in the order of
/// <see cref="HomeSections.All"/>. A section meant for one group of users names its role too: the FMU may draft notes
/// and report expenditure on others' behalf, yet its home is the dashboard, not a list of every note.
/// </summary>
public sealed record HomeSection(Type Component, AccessPolicy Policy, string? Role = null);

/// <summary>
/// The home page, per role: every section the user's roles open, in this order. The inbox comes first for
/// everyone; then a government's notes by state, a member's open ballots, the fund's dashboard (FMU, administrators
/// and the committee) and an organization's programmes (see docs/web.md).
/// </summary>
public static class HomeSections
{
    public static IReadOnlyList<HomeSection> All { get; } =
    [
        new(typeof(InboxSection), AccessPolicies.SignedIn),
        new(typeof(MyNotesSection), AccessPolicies.DraftConceptNotes, Roles.GovernmentFocalPoint),
        new(typeof(OpenBallotsSection), AccessPolicies.Vote),
        new(typeof(FmuDashboardSection), AccessPolicies.ReadFunding),
        new(typeof(MyProgrammesSection), AccessPolicies.ReportExpenditure, Roles.ParticipatingOrganization),
    ];

    public static IEnumerable<HomeSection> For(WorkflowActor actor) =>
        All.Where(s => actor.Holds(s.Policy) && (s.Role is null || actor.Roles.Contains(s.Role)));
}
