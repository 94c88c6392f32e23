using TrustFundManager.Domain.Funding;

namespace TrustFundManager.Application.Funding;

/// <summary>A donor with what it pledged, committed and deposited so far, in USD.</summary>
public sealed record DonorResponse(Guid Id, string Name, DonorKind Kind, string? Country, int Contributions,
    decimal PledgedUsd, decimal CommittedUsd, decimal DepositedUsd, DateTimeOffset CreatedAt)
{
    public string Href => $"/api/donors/{Id}";
}
