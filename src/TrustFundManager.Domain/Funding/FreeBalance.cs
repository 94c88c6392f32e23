using TrustFundManager.Domain.Common;

namespace TrustFundManager.Domain.Funding;

/// <summary>How an allocation is paid for: from money earmarked to its thematic area first, then unearmarked money.</summary>
public sealed record AllocationDraw(decimal FromEarmarkedUsd, decimal FromUnearmarkedUsd)
{
    public decimal TotalUsd => FromEarmarkedUsd + FromUnearmarkedUsd;
}

/// <summary>
/// The balance free for allocation, split into the money no donor earmarked and the money earmarked to each thematic
/// area (net of the Administrative Agent's fee, less what was already allocated from it). Earmarked money serves only
/// its own area, so a programme in one area is paid from its area's money first and then from the unearmarked pool.
/// </summary>
public sealed record FreeBalance(decimal UnearmarkedUsd, IReadOnlyDictionary<int, decimal> EarmarkedUsd)
{
    public decimal TotalUsd => UnearmarkedUsd + EarmarkedUsd.Values.Sum();

    /// <summary>What a programme in <paramref name="area"/> can draw on.</summary>
    public decimal AvailableTo(int area) => UnearmarkedUsd + EarmarkedUsd.GetValueOrDefault(area);

    /// <summary>Draws <paramref name="amountUsd"/> for a programme in <paramref name="area"/>, or refuses (409) saying why.</summary>
    public AllocationDraw Draw(int area, decimal amountUsd)
    {
        var fromArea = Math.Max(0, Math.Min(amountUsd, EarmarkedUsd.GetValueOrDefault(area)));
        var fromUnearmarked = amountUsd - fromArea;
        if (fromUnearmarked <= UnearmarkedUsd) return new AllocationDraw(fromArea, fromUnearmarked);

        var elsewhere = TotalUsd - AvailableTo(area);
        var detail = amountUsd > TotalUsd
            ? $"The allocation of {amountUsd:N2} USD is above the balance free for allocation ({TotalUsd:N2} USD)."
            : $"The allocation of {amountUsd:N2} USD is above the {AvailableTo(area):N2} USD a programme in thematic area {area} " +
              $"can use: {elsewhere:N2} USD of the free balance is earmarked to other thematic areas.";
        throw new DomainConflictException(detail,
            new Dictionary<string, string[]> { ["budget"] = [$"At most {AvailableTo(area):N2} USD is available to thematic area {area}."] });
    }
}
