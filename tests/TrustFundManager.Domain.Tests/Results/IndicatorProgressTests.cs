using TrustFundManager.Domain.Results;

namespace TrustFundManager.Domain.Tests.Results;

/// <summary>
/// Progress worked by hand: the baseline on 1 January 2026 and the target 200 days later, on 20 July 2026; the actual
/// is on track when it has reached the straight path between them at the end of its period.
/// </summary>
public sealed class IndicatorProgressTests
{
    private static readonly DateOnly Baseline = new(2026, 1, 1);
    private static readonly DateOnly Target = new(2026, 7, 20);

    private static IndicatorProgress Assess(decimal from, decimal to, decimal actual, int daysAfterBaseline) =>
        IndicatorProgress.Assess(from, Baseline, to, Target, actual, Baseline.AddDays(daysAfterBaseline));

    [Fact]
    public void The_dates_are_200_days_apart() => Assert.Equal(200, Target.DayNumber - Baseline.DayNumber);

    [Theory]
    // 0 to 1,000 people: a quarter of the way (day 50) 250 are expected.
    [InlineData(0, 1000, 250, 50, 250, 0.25, true)]
    [InlineData(0, 1000, 249.9999, 50, 250, 0.25, false)]
    [InlineData(0, 1000, 500, 50, 250, 0.5, true)]
    // 100 to 400: day 150 expects 100 + 300 * 150 / 200 = 325; 310 is behind, at (310 - 100) / 300 = 0.7 of the way.
    [InlineData(100, 400, 310, 150, 325, 0.7, false)]
    [InlineData(100, 400, 325, 150, 325, 0.75, true)]
    // A third of the way expects 333.3333 (rounded to 4 decimals); an achievement of 1/3 is 0.3333.
    [InlineData(0, 600, 200, 100, 300, 0.3333, false)]
    public void An_increasing_target_is_on_track_once_the_actual_reaches_the_path(double from, double to, double actual,
        int day, double expected, double achievement, bool onTrack)
    {
        var progress = Assess((decimal)from, (decimal)to, (decimal)actual, day);

        Assert.Equal(new IndicatorProgress((decimal)expected, (decimal)achievement, onTrack), progress);
    }

    [Fact]
    public void Expected_values_keep_four_decimals()
    {
        // 0 to 1,000 over 200 days at day 1 expects 5; at 0 to 1 over 3 days a third expects 0.3333.
        Assert.Equal(5m, Assess(0m, 1000m, 5m, 1).Expected);
        var third = IndicatorProgress.Assess(0m, Baseline, 1m, Baseline.AddDays(3), 0.3333m, Baseline.AddDays(1));
        Assert.Equal((0.3333m, 0.3333m, false), (third.Expected, third.Achievement, third.OnTrack));
    }

    [Theory]
    // 40 days in detention down to 20: day 100 expects 30; lower is better.
    [InlineData(40, 20, 30, 100, 30, 0.5, true)]
    [InlineData(40, 20, 25, 100, 30, 0.75, true)]
    [InlineData(40, 20, 31, 100, 30, 0.45, false)]
    // Day 49 expects 40 - 20 * 49 / 200 = 35.1; 38 is behind, at (38 - 40) / (20 - 40) = 0.1 of the way.
    [InlineData(40, 20, 38, 49, 35.1, 0.1, false)]
    public void A_decreasing_target_is_on_track_once_the_actual_is_at_or_below_the_path(double from, double to, double actual,
        int day, double expected, double achievement, bool onTrack) =>
        Assert.Equal(new IndicatorProgress((decimal)expected, (decimal)achievement, onTrack),
            Assess((decimal)from, (decimal)to, (decimal)actual, day));

    [Fact]
    public void Before_the_baseline_date_the_baseline_is_expected_and_after_the_target_date_the_target()
    {
        Assert.Equal(new IndicatorProgress(0m, 0m, true), Assess(0m, 1000m, 0m, -30));
        Assert.Equal(new IndicatorProgress(0m, -0.01m, false), Assess(0m, 1000m, -10m, -30));
        Assert.Equal(new IndicatorProgress(40m, 0m, true), Assess(40m, 20m, 40m, -1));

        Assert.Equal(new IndicatorProgress(1000m, 0.999m, false), Assess(0m, 1000m, 999m, 300));
        Assert.Equal(new IndicatorProgress(1000m, 1.2m, true), Assess(0m, 1000m, 1200m, 300));
        Assert.Equal(new IndicatorProgress(1000m, 1m, true), Assess(0m, 1000m, 1000m, 200));
        Assert.Equal(new IndicatorProgress(20m, 1m, true), Assess(40m, 20m, 20m, 201));
        Assert.Equal(new IndicatorProgress(20m, 0.95m, false), Assess(40m, 20m, 21m, 365));
    }

    [Fact]
    public void A_target_equal_to_the_baseline_has_no_achievement_and_is_on_track_while_the_level_holds()
    {
        Assert.Equal(new IndicatorProgress(50m, null, true), Assess(50m, 50m, 50m, 100));
        Assert.Equal(new IndicatorProgress(50m, null, true), Assess(50m, 50m, 60m, 100));
        Assert.Equal(new IndicatorProgress(50m, null, false), Assess(50m, 50m, 49m, 100));
    }
}
