namespace TrustFundManager.Application.Funding;

/// <summary>A target; <c>current</c> marks the one the funding status measures against today.</summary>
public sealed record FundingTargetResponse(Guid Id, string Title, decimal AmountUsd, DateOnly DueOn, bool Current,
    bool Passed, DateTimeOffset UpdatedAt, string UpdatedBy, string Href);
