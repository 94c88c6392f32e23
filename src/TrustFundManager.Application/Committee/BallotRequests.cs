using FluentValidation;
using TrustFundManager.Application.Common;
using TrustFundManager.Domain.Committee;

namespace TrustFundManager.Application.Committee;

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
