using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Domain.Funding;

/// <summary>An approved, unfunded concept note waiting in the pipeline.</summary>
public sealed record PipelineCandidate(Guid ConceptNoteId, string Title, string Country, IReadOnlyList<string> Countries,
    Region? Region, int ThematicAreaNumber, decimal RequestedUsd, DateTimeOffset ApprovedAt);

/// <summary>What the fund has already funded: the allocations by thematic area and the programmes by country and region.</summary>
public sealed record FundedPortfolio(
    IReadOnlyDictionary<int, decimal> AllocatedByArea,
    IReadOnlySet<string> CountriesWithProgrammes,
    IReadOnlyDictionary<Region, int> ProgrammesByRegion)
{
    public decimal AllocatedUsd => AllocatedByArea.Values.Sum();
    public int Programmes => ProgrammesByRegion.Values.Sum();
}

/// <summary>The parts of a candidate's score, each from 0 to 1, and the weighted total from 0 to 100.</summary>
public sealed record PipelineScore(decimal Waiting, decimal ThematicBalance, decimal GeographicBalance, decimal Total);

/// <summary>
/// Ranks the pipeline so that the FMU funds, when money allows, the notes that waited longest and that balance the
/// portfolio. The score (0 to 100) is 40 × waiting + 30 × thematic balance + 30 × geographic balance, where
/// <list type="bullet">
/// <item>waiting is the days since the committee's approval over 365, at most 1;</item>
/// <item>thematic balance is 1 less the area's share of everything allocated (an area with nothing allocated scores 1);</item>
/// <item>geographic balance is half for a note none of whose countries has a programme yet, plus half of 1 less its
/// region's share of the programmes.</item>
/// </list>
/// Ties go to the note approved first.
/// </summary>
public static class PipelineRanking
{
    public const decimal WaitingWeight = 40;
    public const decimal ThematicWeight = 30;
    public const decimal GeographicWeight = 30;
    public const int FullWaitDays = 365;

    public static PipelineScore Score(PipelineCandidate candidate, FundedPortfolio portfolio, DateTimeOffset now)
    {
        var days = Math.Max(0, (decimal)(now - candidate.ApprovedAt).TotalDays);
        var waiting = Math.Min(1, decimal.Round(days, 0, MidpointRounding.ToZero) / FullWaitDays);

        var thematic = 1 - (portfolio.AllocatedUsd == 0
            ? 0
            : portfolio.AllocatedByArea.GetValueOrDefault(candidate.ThematicAreaNumber) / portfolio.AllocatedUsd);

        var newCountry = candidate.Countries.Any(portfolio.CountriesWithProgrammes.Contains) ? 0m : 1m;
        var regionShare = portfolio.Programmes == 0 || candidate.Region is not { } region
            ? 0
            : (decimal)portfolio.ProgrammesByRegion.GetValueOrDefault(region) / portfolio.Programmes;
        var geographic = newCountry / 2 + (1 - regionShare) / 2;

        var total = WaitingWeight * waiting + ThematicWeight * thematic + GeographicWeight * geographic;
        return new PipelineScore(Round(waiting), Round(thematic), Round(geographic), decimal.Round(total, 2, MidpointRounding.AwayFromZero));
    }

    /// <summary>The candidates, best first.</summary>
    public static IReadOnlyList<(PipelineCandidate Candidate, PipelineScore Score)> Rank(
        IEnumerable<PipelineCandidate> candidates, FundedPortfolio portfolio, DateTimeOffset now) =>
        candidates.Select(c => (Candidate: c, Score: Score(c, portfolio, now)))
            .OrderByDescending(r => r.Score.Total)
            .ThenBy(r => r.Candidate.ApprovedAt)
            .ThenBy(r => r.Candidate.ConceptNoteId)
            .ToList();

    private static decimal Round(decimal value) => decimal.Round(value, 4, MidpointRounding.AwayFromZero);
}
