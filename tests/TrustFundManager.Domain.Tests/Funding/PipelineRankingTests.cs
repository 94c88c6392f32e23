using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Domain.Tests.Funding;

public sealed class PipelineRankingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    /// <summary>
    /// 4,000,000 USD allocated (3,000,000 to area 1, 1,000,000 to area 2) in four programmes: three in Latin America
    /// (one of them Mexico's) and one in Asia-Pacific (the Philippines').
    /// </summary>
    private static readonly FundedPortfolio Portfolio = new(
        new Dictionary<int, decimal> { [1] = 3_000_000m, [2] = 1_000_000m },
        new HashSet<string> { "MEX", "PHL" },
        new Dictionary<Region, int> { [Region.LatinAmericaAndCaribbean] = 3, [Region.AsiaPacific] = 1 });

    private static readonly FundedPortfolio Empty = new(new Dictionary<int, decimal>(), new HashSet<string>(),
        new Dictionary<Region, int>());

    private static PipelineCandidate Candidate(string country, Region? region, int area, DateTimeOffset approvedAt,
        Guid? id = null, params string[] otherCountries) =>
        new(id ?? Guid.NewGuid(), $"Programme in {country}", country, [country, .. otherCountries], region, area, 1_000_000m, approvedAt);

    /// <summary>Guatemala, area 2, approved 146 days ago.</summary>
    private static readonly PipelineCandidate Guatemala =
        Candidate("GTM", Region.LatinAmericaAndCaribbean, 2, new DateTimeOffset(2026, 6, 30, 9, 30, 0, TimeSpan.Zero));

    /// <summary>Mexico again, area 1, approved exactly 365 days ago.</summary>
    private static readonly PipelineCandidate MexicoAgain =
        Candidate("MEX", Region.LatinAmericaAndCaribbean, 1, new DateTimeOffset(2025, 11, 23, 9, 30, 0, TimeSpan.Zero));

    /// <summary>Kenya, area 3 (nothing allocated to it yet), approved 73 days ago.</summary>
    private static readonly PipelineCandidate Kenya =
        Candidate("KEN", Region.Africa, 3, new DateTimeOffset(2026, 9, 11, 9, 30, 0, TimeSpan.Zero));

    [Fact]
    public void A_new_country_in_a_busy_region_and_a_lightly_funded_area_scores_as_the_formula_says()
    {
        // waiting 146 / 365 = 0.4; thematic 1 − 1/4 = 0.75; geographic ½ (new country) + ½ × (1 − 3/4) = 0.625
        // 40 × 0.4 + 30 × 0.75 + 30 × 0.625 = 16 + 22.5 + 18.75
        Assert.Equal(new PipelineScore(0.4m, 0.75m, 0.625m, 57.25m), PipelineRanking.Score(Guatemala, Portfolio, Now));
    }

    [Fact]
    public void A_country_with_a_programme_in_the_most_funded_area_scores_as_the_formula_says()
    {
        // waiting 365 / 365 = 1; thematic 1 − 3/4 = 0.25; geographic 0 (Mexico has a programme) + ½ × (1 − 3/4) = 0.125
        // 40 × 1 + 30 × 0.25 + 30 × 0.125 = 40 + 7.5 + 3.75
        Assert.Equal(new PipelineScore(1m, 0.25m, 0.125m, 51.25m), PipelineRanking.Score(MexicoAgain, Portfolio, Now));
    }

    [Fact]
    public void A_new_country_in_a_new_region_and_an_unfunded_area_scores_as_the_formula_says()
    {
        // waiting 73 / 365 = 0.2; thematic 1 (nothing allocated to area 3); geographic ½ + ½ × (1 − 0) = 1
        // 40 × 0.2 + 30 × 1 + 30 × 1 = 8 + 30 + 30
        Assert.Equal(new PipelineScore(0.2m, 1m, 1m, 68m), PipelineRanking.Score(Kenya, Portfolio, Now));
    }

    [Fact]
    public void The_pipeline_is_ranked_best_score_first()
    {
        var ranked = PipelineRanking.Rank([MexicoAgain, Guatemala, Kenya], Portfolio, Now);

        Assert.Equal([Kenya, Guatemala, MexicoAgain], ranked.Select(r => r.Candidate));
        Assert.Equal([68m, 57.25m, 51.25m], ranked.Select(r => r.Score.Total));
    }

    [Fact]
    public void Waiting_counts_whole_days_and_stops_growing_after_a_year()
    {
        var approved = new DateTimeOffset(2026, 10, 18, 21, 30, 0, TimeSpan.Zero); // 35.5 days ago: 35 whole days
        Assert.Equal(0.0959m, PipelineRanking.Score(Kenya with { ApprovedAt = approved }, Portfolio, Now).Waiting); // 35 / 365

        var yearAndADay = PipelineRanking.Score(Kenya with { ApprovedAt = Now.AddDays(-366) }, Portfolio, Now);
        var twoYears = PipelineRanking.Score(Kenya with { ApprovedAt = Now.AddDays(-730) }, Portfolio, Now);

        Assert.Equal(1m, yearAndADay.Waiting);
        Assert.Equal(1m, twoYears.Waiting);
        Assert.Equal(100m, twoYears.Total);
    }

    [Fact]
    public void A_note_approved_just_now_has_not_waited() =>
        Assert.Equal(0m, PipelineRanking.Score(Kenya with { ApprovedAt = Now }, Portfolio, Now).Waiting);

    [Fact]
    public void Before_anything_is_allocated_every_area_and_region_is_in_balance()
    {
        var score = PipelineRanking.Score(MexicoAgain, Empty, Now);

        Assert.Equal(new PipelineScore(1m, 1m, 1m, 100m), score);
    }

    [Fact]
    public void A_country_that_already_has_a_programme_loses_half_the_geographic_balance()
    {
        var guatemalaFunded = Portfolio with { CountriesWithProgrammes = new HashSet<string> { "MEX", "PHL", "GTM" } };

        var before = PipelineRanking.Score(Guatemala, Portfolio, Now);
        var after = PipelineRanking.Score(Guatemala, guatemalaFunded, Now);

        Assert.Equal(0.125m, after.GeographicBalance);
        Assert.Equal(before.GeographicBalance - 0.5m, after.GeographicBalance);
        Assert.Equal(before.Total - 15m, after.Total);
    }

    [Fact]
    public void A_regional_note_covering_a_country_with_a_programme_is_not_new()
    {
        var regional = Guatemala with { Countries = ["GTM", "MEX"] };

        Assert.Equal(0.125m, PipelineRanking.Score(regional, Portfolio, Now).GeographicBalance);
    }

    [Fact]
    public void Notes_with_equal_scores_go_in_the_order_they_were_approved()
    {
        // Both waited more than a year, in the same area and region: equal scores.
        var later = Candidate("KEN", Region.Africa, 3, new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero),
            new Guid("00000000-0000-0000-0000-000000000001"));
        var earlier = Candidate("UGA", Region.Africa, 3, new DateTimeOffset(2024, 1, 10, 9, 0, 0, TimeSpan.Zero),
            new Guid("ffffffff-0000-0000-0000-000000000000"));

        var ranked = PipelineRanking.Rank([later, earlier], Portfolio, Now);

        Assert.Equal(ranked[0].Score.Total, ranked[1].Score.Total);
        Assert.Equal([earlier, later], ranked.Select(r => r.Candidate));
    }
}
