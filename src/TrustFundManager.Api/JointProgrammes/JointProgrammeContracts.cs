using FluentValidation;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Application.JointProgrammes;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Api.JointProgrammes;

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

public sealed record ExpenditureRequest(decimal? AmountUsd);

public sealed class ExpenditureRequestValidator : AbstractValidator<ExpenditureRequest>
{
    public ExpenditureRequestValidator()
    {
        RuleFor(r => r.AmountUsd).NotNull();
    }
}

public sealed record JointProgrammeQuery(string? State, string? Country, int? ThematicAreaNumber, string? Organization,
    int? Page, int? PageSize);

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

/// <summary>One organization's budget (indirect cost inside it), what it received, spent, and its delivery rate.</summary>
public sealed record ProgrammeBudgetView(string Organization, decimal AmountUsd, decimal DirectCostUsd, decimal IndirectCostUsd,
    decimal TransferredUsd, decimal UntransferredUsd, decimal ReleasedUsd, decimal SpentUsd, decimal? DeliveryRate);

public sealed record TransferView(Guid Id, string Organization, int Tranche, DateOnly TransferredOn, decimal AmountUsd,
    string Reference, DateTimeOffset RecordedAt, string RecordedBy);

public sealed record ExpenditureView(string Organization, int Year, decimal AmountUsd, DateOnly ReportedOn, string ReportedBy);

public sealed record JointProgrammeResponse(
    Guid Id,
    Guid ConceptNoteId,
    string Title,
    string Country,
    IReadOnlyList<string> Countries,
    Region? Region,
    int ThematicAreaNumber,
    int DurationMonths,
    ProgrammeStatusResponse Status,
    DateOnly AllocatedOn,
    string AllocatedBy,
    decimal AllocatedUsd,
    decimal IndirectCostRate,
    decimal IndirectCostUsd,
    decimal DirectCostUsd,
    decimal FromEarmarkedUsd,
    decimal FromUnearmarkedUsd,
    decimal TransferredUsd,
    decimal SpentUsd,
    decimal? DeliveryRate,
    decimal ReleasedUsd,
    DateOnly? ReleasedOn,
    IReadOnlyList<ProgrammeBudgetView> Budget,
    IReadOnlyList<TransferView> Transfers,
    IReadOnlyList<ExpenditureView> Expenditure,
    Guid Version,
    Guid WorkflowInstanceId,
    Guid WorkflowVersion,
    string ConceptNoteHref,
    string Href);

public sealed record JointProgrammeSummary(Guid Id, string Title, string Country, Region? Region, int ThematicAreaNumber,
    ProgrammeStatusResponse Status, DateOnly AllocatedOn, decimal AllocatedUsd, decimal TransferredUsd, decimal SpentUsd,
    decimal? DeliveryRate, string Href);

public sealed record JointProgrammePage(IReadOnlyList<JointProgrammeSummary> Items, int Page, int PageSize, int TotalCount);
