using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Infrastructure.Funding;

/// <summary>
/// What fund managers report, as of a day, in USD: every figure is summed by the database from the recorded amounts,
/// and each breakdown adds up to its total. Allocated is net of what cancelled programmes released (shown as released).
/// </summary>
public sealed record FundingStatus(
    DateOnly AsOf,
    decimal PledgedUsd,
    decimal CommittedUsd,
    decimal DepositedUsd,
    decimal AdministrativeAgentFeeUsd,
    decimal NetFundedUsd,
    decimal AllocatedUsd,
    decimal ReleasedUsd,
    decimal TransferredUsd,
    decimal ExpenditureUsd,
    decimal FreeBalanceUsd,
    decimal CashBalanceUsd,
    decimal? DeliveryRate,
    TargetProgress? Target,
    IReadOnlyList<DonorFunding> ByDonor,
    IReadOnlyList<ThematicAreaFunding> ByThematicArea,
    IReadOnlyList<CountryFunding> ByCountry,
    IReadOnlyList<OrganizationFunding> ByOrganization);

/// <summary>Commitments against the current target: how much is reached, the share and what is still missing.</summary>
public sealed record TargetProgress(Guid Id, string Title, DateOnly DueOn, decimal TargetUsd, decimal ReachedUsd,
    decimal Percentage, decimal GapUsd, bool Passed);

public sealed record DonorFunding(Guid DonorId, string Name, DonorKind Kind, string? Country, decimal PledgedUsd,
    decimal CommittedUsd, decimal DepositedUsd, decimal AdministrativeAgentFeeUsd, decimal NetFundedUsd);

/// <summary>
/// One thematic area, or with a null number the money no donor earmarked. The first two figures and the free balance
/// are about the money earmarked to the area (committed, and deposited net of the fee, and what of it is still free);
/// the others are about the area's programmes (allocated, transferred, spent).
/// </summary>
public sealed record ThematicAreaFunding(int? Number, string Title, decimal CommittedUsd, decimal NetDepositedUsd,
    decimal AllocatedUsd, decimal TransferredUsd, decimal ExpenditureUsd, decimal? DeliveryRate, decimal FreeBalanceUsd);

/// <summary>A country's programmes, counted under the country that submitted the concept note.</summary>
public sealed record CountryFunding(string Country, string Name, Region? Region, int Programmes, decimal AllocatedUsd,
    decimal TransferredUsd, decimal ExpenditureUsd, decimal? DeliveryRate);

public sealed record OrganizationFunding(string Organization, string Name, int Programmes, decimal AllocatedUsd,
    decimal IndirectCostUsd, decimal TransferredUsd, decimal ExpenditureUsd, decimal? DeliveryRate);
