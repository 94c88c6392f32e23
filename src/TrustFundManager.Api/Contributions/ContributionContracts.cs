using FluentValidation;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Domain.Funding;

namespace TrustFundManager.Api.Contributions;

/// <summary>A donor's pledge: an amount in a currency, valued in USD at an indicative rate.</summary>
public sealed record PledgeRequest(Guid? DonorId, DateOnly? PledgedOn, decimal? Amount, string? Currency, decimal? RateToUsd);

public sealed class PledgeRequestValidator : AbstractValidator<PledgeRequest>
{
    public PledgeRequestValidator()
    {
        RuleFor(r => r.DonorId).NotNull();
        RuleFor(r => r.PledgedOn).NotNull();
        RuleFor(r => r.Amount).NotNull();
        RuleFor(r => r.Currency).NotEmpty().Length(3);
        RuleFor(r => r.RateToUsd).NotNull();
    }
}

/// <summary>The signed agreement; <c>version</c> is the contribution's as last read, when given.</summary>
public sealed record CommitmentRequest(DateOnly? SignedOn, decimal? Amount, string? Currency, decimal? RateToUsd,
    int? EarmarkedAreaNumber, string? AgreementReference, Guid? Version);

public sealed class CommitmentRequestValidator : AbstractValidator<CommitmentRequest>
{
    public CommitmentRequestValidator()
    {
        RuleFor(r => r.SignedOn).NotNull();
        RuleFor(r => r.Amount).NotNull();
        RuleFor(r => r.Currency).NotEmpty().Length(3);
        RuleFor(r => r.RateToUsd).NotNull();
        RuleFor(r => r.AgreementReference).MaximumLength(Contribution.ReferenceMaxLength);
    }
}

/// <summary>Cash received, in the commitment's currency; the reference (the bank's) is unique on the contribution.</summary>
public sealed record DepositRequest(DateOnly? ReceivedOn, decimal? Amount, decimal? RateToUsd, string? Reference);

public sealed class DepositRequestValidator : AbstractValidator<DepositRequest>
{
    public DepositRequestValidator()
    {
        RuleFor(r => r.ReceivedOn).NotNull();
        RuleFor(r => r.Amount).NotNull();
        RuleFor(r => r.RateToUsd).NotNull();
        RuleFor(r => r.Reference).NotEmpty().MaximumLength(Contribution.ReferenceMaxLength);
    }
}

public sealed record ContributionQuery(Guid? DonorId, ContributionStatus? Status, int? EarmarkedAreaNumber, int? Page, int? PageSize);

public sealed class ContributionQueryValidator : AbstractValidator<ContributionQuery>
{
    public ContributionQueryValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}

public sealed record PledgeView(DateOnly PledgedOn, decimal Amount, string Currency, decimal RateToUsd, decimal AmountUsd);

public sealed record CommitmentView(DateOnly SignedOn, decimal Amount, string Currency, decimal RateToUsd, decimal AmountUsd,
    int? EarmarkedAreaNumber, string? AgreementReference, decimal DepositedAmount, decimal OutstandingAmount);

public sealed record DepositView(Guid Id, int Number, DateOnly ReceivedOn, decimal Amount, string Currency, decimal RateToUsd,
    decimal AmountUsd, decimal FeeRate, decimal FeeUsd, decimal NetUsd, string Reference, DateTimeOffset RecordedAt,
    string RecordedBy);

public sealed record ContributionResponse(
    Guid Id,
    Guid DonorId,
    string DonorName,
    ContributionStatus Status,
    PledgeView Pledge,
    CommitmentView? Commitment,
    decimal DepositedUsd,
    IReadOnlyList<DepositView> Deposits,
    Guid Version,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    string Href)
{
    public static ContributionResponse From(Contribution c, string donorName) => new(c.Id, c.DonorId, donorName, c.Status,
        new PledgeView(c.PledgedOn, c.PledgedAmount, c.PledgedCurrency, c.PledgedRateToUsd, c.PledgedUsd),
        c.CommittedOn is { } signedOn
            ? new CommitmentView(signedOn, c.CommittedAmount!.Value, c.CommittedCurrency!, c.CommitmentRateToUsd!.Value,
                c.CommittedUsd!.Value, c.EarmarkedAreaNumber, c.AgreementReference, c.DepositedAmount, c.OutstandingAmount!.Value)
            : null,
        c.DepositedUsd,
        c.Deposits.OrderBy(d => d.Number).Select(d => new DepositView(d.Id, d.Number, d.ReceivedOn, d.Amount, d.Currency,
            d.RateToUsd, d.AmountUsd, d.FeeRate, d.FeeUsd, d.NetUsd, d.Reference, d.RecordedAt, d.RecordedBy)).ToList(),
        c.Version, c.CreatedAt, c.CreatedBy, c.UpdatedAt, c.UpdatedBy, $"/api/contributions/{c.Id}");
}

public sealed record ContributionPage(IReadOnlyList<ContributionResponse> Items, int Page, int PageSize, int TotalCount);
