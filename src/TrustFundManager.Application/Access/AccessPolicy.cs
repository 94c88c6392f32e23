using TrustFundManager.Domain.Access;

namespace TrustFundManager.Application.Access;

/// <summary>
/// A function-level rule: the roles that may use a group of use cases at all. Use cases check it themselves
/// (<see cref="ActorAccess.Require"/>); the API registers the same policies on its endpoints as a second line.
/// What a caller may do with one record (their own country's note, their own organization's report) is the
/// object-level rule each use case checks after loading it.
/// </summary>
public sealed record AccessPolicy(string Name, IReadOnlyList<string> Roles, string Description)
{
    public bool Admits(IEnumerable<string> roles) => roles.Any(Roles.Contains);
}

/// <summary>The fund's named policies; every use case and every endpoint states one of them.</summary>
public static class AccessPolicies
{
    /// <summary>A signed-in user holding one of the application's roles (a token with only a scope is not enough).</summary>
    public static readonly AccessPolicy SignedIn = new(nameof(SignedIn), Roles.All, "any signed-in user");

    public static readonly AccessPolicy ReadReferenceData = new(nameof(ReadReferenceData), Roles.All,
        "any signed-in user reads the fund's reference data");

    public static readonly AccessPolicy ManageReferenceData = new(nameof(ManageReferenceData),
        [Roles.FundManager, Roles.Administrator],
        "only the FMU and administrators change reference data that is neither money nor governance");

    /// <summary>
    /// Money and governance: the fund's settings (fees, indirect cost, ceilings, decision rule, quorum, vote secrecy,
    /// recusal threshold) and the constituencies' seats. The FMU's alone, so an administrator who keeps the reference
    /// data cannot also change how money moves or how the committee decides.
    /// </summary>
    public static readonly AccessPolicy ManageFundRules = new(nameof(ManageFundRules),
        [Roles.FundManager], "only the FMU changes the fund's money and governance settings");

    public static readonly AccessPolicy ReadAuditLog = new(nameof(ReadAuditLog),
        [Roles.FundManager, Roles.Administrator], "the FMU and administrators read the audit log");

    public static readonly AccessPolicy DraftConceptNotes = new(nameof(DraftConceptNotes),
        [Roles.GovernmentFocalPoint, Roles.FundManager],
        "governments draft and edit their own concept notes; the FMU drafts and edits on their behalf");

    public static readonly AccessPolicy ScreenConceptNotes = new(nameof(ScreenConceptNotes),
        [Roles.FundManager], "only the FMU screens concept notes");

    public static readonly AccessPolicy ManageCommittee = new(nameof(ManageCommittee),
        [Roles.FundManager], "only the FMU appoints committee members and ends their terms");

    public static readonly AccessPolicy ReadCommittee = new(nameof(ReadCommittee),
        [Roles.FundManager, Roles.Administrator, Roles.SteeringCommitteeMember],
        "the committee's members and ballots: the committee itself, the FMU and administrators");

    public static readonly AccessPolicy RunBallots = new(nameof(RunBallots),
        [Roles.FundManager], "only the FMU opens, closes early and cancels ballots");

    public static readonly AccessPolicy Vote = new(nameof(Vote),
        [Roles.SteeringCommitteeMember], "only committee members vote and declare conflicts of interest");

    public static readonly AccessPolicy ReadFunding = new(nameof(ReadFunding),
        [Roles.FundManager, Roles.Administrator, Roles.SteeringCommitteeMember],
        "the fund's money (donors, contributions, targets, funding status, pipeline): the FMU, administrators and the committee");

    public static readonly AccessPolicy ManageFunding = new(nameof(ManageFunding),
        [Roles.FundManager],
        "only the FMU records contributions, keeps the targets, allocates and records the Administrative Agent's transfers");

    public static readonly AccessPolicy ReportExpenditure = new(nameof(ReportExpenditure),
        [Roles.FundManager, Roles.ParticipatingOrganization],
        "a participating organization reports its own expenditure on a programme; the FMU may report for it");

    public static readonly AccessPolicy ReadResults = new(nameof(ReadResults),
        [Roles.FundManager, Roles.Administrator, Roles.SteeringCommitteeMember],
        "the fund's results summary: the FMU, administrators and the committee");

    public static readonly AccessPolicy EditResults = new(nameof(EditResults),
        [Roles.FundManager, Roles.ParticipatingOrganization],
        "a programme's participating organizations and the FMU edit its results matrix");

    public static readonly AccessPolicy ReportProgress = new(nameof(ReportProgress),
        [Roles.ParticipatingOrganization], "participating organizations report progress against their indicators");

    /// <summary>
    /// The portfolio: every role, each seeing only what the workflows show it (a government its own country's notes
    /// and programmes, an organization those it takes part in, the committee what is before or past it).
    /// </summary>
    public static readonly AccessPolicy ReadPortfolio = new(nameof(ReadPortfolio), Roles.All,
        "every role, each within what the workflows show it");

    public static readonly IReadOnlyList<AccessPolicy> All =
    [
        SignedIn, ReadReferenceData, ManageReferenceData, ManageFundRules, ReadAuditLog, DraftConceptNotes, ScreenConceptNotes,
        ManageCommittee, ReadCommittee, RunBallots, Vote, ReadFunding, ManageFunding, ReportExpenditure, ReadResults,
        EditResults, ReportProgress, ReadPortfolio,
    ];
}
