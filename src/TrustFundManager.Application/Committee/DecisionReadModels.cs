using FluentValidation;
using TrustFundManager.Application.Common;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Application.Committee;

public sealed record DecisionQuery
{
    public DecisionOutcome? Outcome { get; init; }
    public Guid? BallotId { get; init; }
    public Guid? ConceptNoteId { get; init; }
    public string? Country { get; init; }
    public DateTimeOffset? DecidedFrom { get; init; }
    public DateTimeOffset? DecidedTo { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed class DecisionQueryValidator : AbstractValidator<DecisionQuery>
{
    public DecisionQueryValidator()
    {
        RuleFor(q => q.Outcome).IsInEnum();
        RuleFor(q => q.Country).Length(3).Matches("^[A-Za-z]{3}$").WithMessage("A country is its ISO 3166-1 alpha-3 code.");
        RuleFor(q => q.DecidedTo).GreaterThanOrEqualTo(q => q.DecidedFrom).When(q => q.DecidedFrom is not null && q.DecidedTo is not null)
            .WithMessage("'decidedTo' cannot be before 'decidedFrom'.");
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}

public sealed record DecisionResponse(
    Guid Id,
    Guid ConceptNoteId,
    string ConceptNoteTitle,
    string Country,
    Guid BallotId,
    string BallotTitle,
    DecisionOutcome Outcome,
    DateTimeOffset DecidedAt,
    DecisionRule DecisionRule,
    int Eligible,
    int QuorumRequired,
    bool QuorumMet,
    int VotesCast,
    int Approve,
    int ApproveWithConditions,
    int Reject,
    int Abstain,
    int Recused,
    IReadOnlyList<PublishedConstituencyTally> TallyByConstituency,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<string> RejectionReasons,
    IReadOnlyList<RecordedRecusal> Recusals,
    string Rationale,
    DecisionGrounds Grounds,
    string ConceptNoteHref,
    string BallotHref,
    string Href)
{
    public static DecisionResponse From(CommitteeDecision d, int minimumCell) => new(d.Id, d.ConceptNoteId,
        d.ConceptNoteTitle, d.Country, d.BallotId, d.BallotTitle, d.Outcome, d.DecidedAt, d.DecisionRule, d.Eligible,
        d.QuorumRequired, d.QuorumMet, d.VotesCast, d.Approve, d.ApproveWithConditions, d.Reject, d.Abstain, d.Recused,
        TallyPublication.Publish(d.Tally, minimumCell), d.Conditions,
        d.RejectionReasons, d.Recusals, d.Rationale, d.Grounds, CommitteeLinks.ConceptNote(d.ConceptNoteId),
        CommitteeLinks.Ballot(d.BallotId), CommitteeLinks.Decision(d.Id));
}

public sealed record DecisionPage(IReadOnlyList<DecisionResponse> Items, int Page, int PageSize, int TotalCount);
