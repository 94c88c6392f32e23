using FluentValidation;
using TrustFundManager.Application.Common;
using TrustFundManager.Domain.Funding;

namespace TrustFundManager.Application.Funding;

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
