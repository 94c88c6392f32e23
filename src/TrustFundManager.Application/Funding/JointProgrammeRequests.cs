using FluentValidation;
using TrustFundManager.Application.Common;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Application.Funding;

public sealed record BudgetShareRequest(string? Organization, decimal? AmountUsd);

/// <summary>Funds an approved concept note; without a budget, the note's own budget is allocated.</summary>
public sealed record AllocationRequestBody(Guid? ConceptNoteId, List<BudgetShareRequest>? Budget, string? Comment);

public sealed class AllocationRequestBodyValidator : AbstractValidator<AllocationRequestBody>
{
    public AllocationRequestBodyValidator()
    {
        RuleFor(r => r.ConceptNoteId).NotNull();
        RuleFor(r => r.Budget).Must(b => b is null || b.Count <= ConceptNoteContent.MaxBudgetShares)
            .WithMessage($"A budget has at most {ConceptNoteContent.MaxBudgetShares} organizations.");
        RuleForEach(r => r.Budget).ChildRules(share =>
        {
            share.RuleFor(s => s.Organization).NotEmpty().MaximumLength(Organization.CodeMaxLength);
            share.RuleFor(s => s.AmountUsd).NotNull();
        });
        RuleFor(r => r.Comment).MaximumLength(2000);
    }
}

public sealed record TransferRequest(string? Organization, decimal? AmountUsd, DateOnly? TransferredOn, string? Reference);

public sealed class TransferRequestValidator : AbstractValidator<TransferRequest>
{
    public TransferRequestValidator()
    {
        RuleFor(r => r.Organization).NotEmpty().MaximumLength(Organization.CodeMaxLength);
        RuleFor(r => r.AmountUsd).NotNull();
        RuleFor(r => r.TransferredOn).NotNull();
        RuleFor(r => r.Reference).NotEmpty().MaximumLength(JointProgramme.ReferenceMaxLength);
    }
}

/// <param name="Reason">Why a year's figure is corrected after it became final (30 April of the next year); the FMU's.</param>
public sealed record ExpenditureRequest(decimal? AmountUsd, string? Reason = null);

public sealed class ExpenditureRequestValidator : AbstractValidator<ExpenditureRequest>
{
    /// <summary>The reason goes into the programme's journal with the figures, within its comment's length.</summary>
    public const int ReasonMaxLength = 1000;

    public ExpenditureRequestValidator()
    {
        RuleFor(r => r.AmountUsd).NotNull();
        RuleFor(r => r.Reason).MaximumLength(ReasonMaxLength);
    }
}

public sealed record JointProgrammeQuery
{
    public string? State { get; init; }
    public string? Country { get; init; }
    public int? ThematicAreaNumber { get; init; }
    public string? Organization { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed class JointProgrammeQueryValidator : AbstractValidator<JointProgrammeQuery>
{
    public JointProgrammeQueryValidator()
    {
        RuleFor(q => q.Country).Matches("^[A-Za-z]{3}$").WithMessage("A country is its ISO 3166-1 alpha-3 code.");
        RuleFor(q => q.State).MaximumLength(40);
        RuleFor(q => q.Organization).MaximumLength(Organization.CodeMaxLength);
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}
