using Microsoft.AspNetCore.Authorization;
using TrustFundManager.Application.Access;

namespace TrustFundManager.Api.Security;

/// <summary>The names of the authorization policies (<see cref="AccessPolicies"/>); every endpoint states one of them.</summary>
public static class Policies
{
    /// <summary>A signed-in user holding one of the application's roles (a token with only a scope is not enough).</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>The fund's reference data is read by every signed-in user.</summary>
    public const string ReadReferenceData = nameof(ReadReferenceData);

    /// <summary>Only the FMU and administrators change reference data that is neither money nor governance.</summary>
    public const string ManageReferenceData = nameof(ManageReferenceData);

    /// <summary>Only the FMU changes the fund's settings and the constituencies' seats (money and governance).</summary>
    public const string ManageFundRules = nameof(ManageFundRules);

    public const string ReadAuditLog = nameof(ReadAuditLog);

    /// <summary>Governments draft and edit their own concept notes; the FMU drafts and edits on their behalf.</summary>
    public const string DraftConceptNotes = nameof(DraftConceptNotes);

    /// <summary>Only the FMU screens concept notes.</summary>
    public const string ScreenConceptNotes = nameof(ScreenConceptNotes);

    /// <summary>Only the FMU appoints committee members and ends their terms.</summary>
    public const string ManageCommittee = nameof(ManageCommittee);

    /// <summary>The committee's members, ballots and their details: the committee itself, the FMU and administrators.</summary>
    public const string ReadCommittee = nameof(ReadCommittee);

    /// <summary>Only the FMU opens, closes early and cancels ballots.</summary>
    public const string RunBallots = nameof(RunBallots);

    /// <summary>Only committee members vote and declare conflicts of interest.</summary>
    public const string Vote = nameof(Vote);

    /// <summary>The fund's money (donors, contributions, targets, funding status, pipeline): the FMU, administrators and the committee.</summary>
    public const string ReadFunding = nameof(ReadFunding);

    /// <summary>Only the FMU records contributions, keeps the targets, allocates and records the Administrative Agent's transfers.</summary>
    public const string ManageFunding = nameof(ManageFunding);

    /// <summary>A participating organization reports its own expenditure on a programme; the FMU may report for it.</summary>
    public const string ReportExpenditure = nameof(ReportExpenditure);

    /// <summary>The fund's results summary: the FMU, administrators and the committee.</summary>
    public const string ReadResults = nameof(ReadResults);

    /// <summary>A programme's participating organizations and the FMU edit its results matrix.</summary>
    public const string EditResults = nameof(EditResults);

    /// <summary>Participating organizations report progress against their indicators.</summary>
    public const string ReportProgress = nameof(ReportProgress);

    /// <summary>
    /// The portfolio workbook: every role, each seeing only what the workflows show it (a government its own country's
    /// notes and programmes, an organization those it takes part in, the committee what is before or past it).
    /// </summary>
    public const string ReadPortfolio = nameof(ReadPortfolio);

    /// <summary>
    /// Registers every policy with the roles the application layer checks itself (<see cref="AccessPolicies"/>): the
    /// endpoints' policies are a second line, and the two cannot drift apart.
    /// </summary>
    public static AuthorizationBuilder AddTrustFundPolicies(this AuthorizationBuilder builder)
    {
        foreach (var policy in AccessPolicies.All)
            builder.AddPolicy(policy.Name, p => p.RequireAuthenticatedUser().RequireRole(policy.Roles));
        return builder;
    }
}
