using TrustFundManager.Domain.Funding;

namespace TrustFundManager.Application.Funding;

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

/// <summary>A deposit just recorded: the contribution after it, and the deposit's number within it.</summary>
public sealed record RecordedDeposit(ContributionResponse Contribution, int Number)
{
    public string Href => $"{Contribution.Href}#deposit-{Number}";
}
