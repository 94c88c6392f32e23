using FluentValidation;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Api.Ballots;

public sealed record OpenBallotRequest(string? Title, BallotKind? Kind, DateTimeOffset? Deadline, List<Guid>? ConceptNoteIds);

public sealed class OpenBallotRequestValidator : AbstractValidator<OpenBallotRequest>
{
    public OpenBallotRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(Ballot.TitleMaxLength);
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.Deadline).NotNull();
        // Stop at the first failure: the checks after NotEmpty read the list, which may be missing.
        RuleFor(r => r.ConceptNoteIds).Cascade(CascadeMode.Stop).NotEmpty()
            .Must(ids => ids!.Count <= Ballot.MaxItems).WithMessage($"A ballot holds at most {Ballot.MaxItems} concept notes.")
            .Must(ids => ids!.Distinct().Count() == ids!.Count).WithMessage("Each concept note appears once.");
    }
}

/// <summary>A vote on one item: conditions with an approval with conditions, a reason with a rejection, a comment with any.</summary>
public sealed record CastVoteRequest(VoteChoice? Choice, string? Conditions, string? Reason, string? Comment);

public sealed class CastVoteRequestValidator : AbstractValidator<CastVoteRequest>
{
    public CastVoteRequestValidator()
    {
        RuleFor(r => r.Choice).NotNull().IsInEnum();
        RuleFor(r => r.Conditions).MaximumLength(BallotVote.TextMaxLength);
        RuleFor(r => r.Reason).MaximumLength(BallotVote.TextMaxLength);
        RuleFor(r => r.Comment).MaximumLength(BallotVote.TextMaxLength);
    }
}

public sealed record DeclareConflictRequest(string? Statement);

public sealed class DeclareConflictRequestValidator : AbstractValidator<DeclareConflictRequest>
{
    public DeclareConflictRequestValidator()
    {
        RuleFor(r => r.Statement).NotEmpty().MaximumLength(BallotRecusal.ExplanationMaxLength);
    }
}

public sealed record BallotQuery(BallotStatus? Status, int? Page, int? PageSize);

public sealed class BallotQueryValidator : AbstractValidator<BallotQuery>
{
    public BallotQueryValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}

public sealed record BallotRuleResponse(DecisionRule DecisionRule, int QuorumNumerator, int QuorumDenominator,
    bool QuorumRequiresEveryConstituency);

/// <summary>The caller's own part in an item: their vote, or why they are recused.</summary>
public sealed record MyVoteResponse(VoteChoice Choice, string? Conditions, string? Reason, string? Comment,
    DateTimeOffset CastAt, int Changes);

public sealed record RecusalResponse(string Member, string Constituency, RecusalReason Reason, string Explanation,
    DateTimeOffset RecordedAt);

public sealed record ItemTallyResponse(int Eligible, int Recused, int VotesCast, int NotVoted, int Approve,
    int ApproveWithConditions, int Reject, int Abstain, int QuorumRequired, IReadOnlyList<ConstituencyTally> ByConstituency);

public sealed record BallotItemResponse(
    Guid ConceptNoteId,
    int Position,
    string Title,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Organizations,
    string ConceptNoteHref,
    string VoteHref,
    DecisionOutcome? Outcome,
    MyVoteResponse? MyVote,
    RecusalResponse? MyRecusal,
    IReadOnlyList<RecusalResponse>? Recusals,
    ItemTallyResponse? Tally,
    Guid? DecisionId);

/// <summary>Who holds a paper and how far they got; for the FMU, which chases the members who have not voted.</summary>
public sealed record VoterResponse(string Member, string Constituency, int ItemsVoted, int ItemsRecused, int ItemsLeft);

public sealed record BallotResponse(
    Guid Id,
    string Title,
    BallotKind Kind,
    BallotStatus Status,
    DateTimeOffset OpenedAt,
    string OpenedBy,
    DateTimeOffset Deadline,
    DateTimeOffset? ClosedAt,
    BallotRuleResponse Rule,
    int Voters,
    bool IsVoter,
    IReadOnlyList<BallotItemResponse> Items,
    IReadOnlyList<VoterResponse>? Participation,
    IReadOnlyList<string> AllowedActions,
    Guid WorkflowInstanceId,
    string Href);

public sealed record BallotSummaryResponse(Guid Id, string Title, BallotKind Kind, BallotStatus Status, DateTimeOffset OpenedAt,
    DateTimeOffset Deadline, DateTimeOffset? ClosedAt, int Items, string Href);

public sealed record BallotPage(IReadOnlyList<BallotSummaryResponse> Items, int Page, int PageSize, int TotalCount);
