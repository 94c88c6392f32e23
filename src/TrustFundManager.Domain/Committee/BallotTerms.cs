using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Domain.Committee;

public enum BallotKind
{
    /// <summary>Members vote at (or around) a meeting of the committee.</summary>
    Meeting,

    /// <summary>Members vote remotely until the deadline, without a meeting.</summary>
    WrittenProcedure,
}

public enum BallotStatus
{
    Open,
    Closed,

    /// <summary>Called off by the FMU before it closed; it decides nothing.</summary>
    Cancelled,
}

public enum VoteChoice
{
    Approve,

    /// <summary>Approve, provided the conditions given are met.</summary>
    ApproveWithConditions,

    /// <summary>Not approve, with a reason.</summary>
    Reject,

    /// <summary>Take part without approving or rejecting: counts towards the quorum only.</summary>
    Abstain,
}

public enum RecusalReason
{
    /// <summary>
    /// The member's organization takes part in the concept note: it leads it (the largest share) or holds at least the
    /// fund's minimum share of the budget.
    /// </summary>
    ParticipatingOrganization,

    /// <summary>The member's government submitted the concept note.</summary>
    SubmittingGovernment,

    /// <summary>The member declared a conflict of interest.</summary>
    DeclaredConflict,

    /// <summary>The member's government is a country the concept note covers, besides the submitting one.</summary>
    CoveredCountry,
}

public enum DecisionOutcome
{
    Approved,
    ApprovedWithConditions,
    Rejected,

    /// <summary>The quorum was not met: the concept note waits for a later ballot.</summary>
    Deferred,
}

/// <summary>Why the ballot's rule led to a decision's outcome: the last sentence of its rationale, in any language.</summary>
public enum DecisionGrounds
{
    /// <summary>Too few members voted (or none could).</summary>
    QuorumNotMet,

    /// <summary>Enough members voted, but a constituency had none voting where the quorum needs every constituency.</summary>
    ConstituencyNotRepresented,

    /// <summary>Under consensus, a member voted to reject.</summary>
    RejectedWithoutConsensus,

    /// <summary>Under consensus, every vote was an abstention.</summary>
    EveryVoteAnAbstention,

    /// <summary>Under a majority, approvals did not outnumber rejections.</summary>
    ApprovalsDidNotOutnumberRejections,

    ApprovedWithConditions,
    ApprovedByConsensus,
    ApprovedByMajority,
}

/// <summary>The decision rule and quorum a ballot was opened under, kept with it so a change of settings does not alter it.</summary>
public sealed record BallotRule(DecisionRule Rule, int QuorumNumerator, int QuorumDenominator, bool QuorumRequiresEveryConstituency)
{
    public static BallotRule From(FundSettings settings) => new(settings.DecisionRule, settings.QuorumNumerator,
        settings.QuorumDenominator, settings.QuorumRequiresEveryConstituency);

    /// <summary>
    /// The smallest number of votes (abstentions included) that makes a quorum among <paramref name="eligible"/>: the
    /// fraction rounded up, and never less than one vote.
    /// </summary>
    public int QuorumFor(int eligible) => Math.Max(1, (eligible * QuorumNumerator + QuorumDenominator - 1) / QuorumDenominator);
}

/// <summary>
/// A concept note put to a ballot, as the ballot needs it: what recusal depends on. <see cref="Organizations"/> are all
/// those in its budget; <see cref="RecusingOrganizations"/> those whose members it recuses (all of them when not given).
/// </summary>
public sealed record BallotSubject(Guid ConceptNoteId, string Title, IReadOnlyList<string> Countries,
    IReadOnlyList<string> Organizations, IReadOnlyList<string>? RecusingOrganizations = null)
{
    public IReadOnlyList<string> Recusing => RecusingOrganizations ?? Organizations;
}
