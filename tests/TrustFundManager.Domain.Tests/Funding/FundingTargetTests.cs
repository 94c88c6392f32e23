using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.Funding;

namespace TrustFundManager.Domain.Tests.Funding;

public sealed class FundingTargetTests
{
    private static readonly DateTimeOffset Now = new(2025, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly FundingTarget FirstYear = new("First year", 25_000_000m, new DateOnly(2026, 6, 30), FundingFixtures.Fmu, Now);
    private static readonly FundingTarget Forum = new("International Migration Review Forum", 70_000_000m,
        new DateOnly(2026, 12, 31), FundingFixtures.Fmu, Now);
    private static readonly FundingTarget Stretch = new("Second cycle", 100_000_000m, new DateOnly(2028, 6, 30), FundingFixtures.Fmu, Now);

    /// <summary>Listed out of order: the rule must sort them by date.</summary>
    private static readonly FundingTarget[] Targets = [Stretch, FirstYear, Forum];

    [Theory]
    [InlineData(2026, 1, 15, "First year")]
    [InlineData(2026, 6, 30, "First year")] // due today: not yet passed
    [InlineData(2026, 7, 1, "International Migration Review Forum")]
    [InlineData(2026, 12, 31, "International Migration Review Forum")]
    [InlineData(2027, 1, 1, "Second cycle")]
    public void The_current_target_is_the_earliest_not_yet_passed(int year, int month, int day, string title) =>
        Assert.Equal(title, FundingTarget.CurrentOn(Targets, new DateOnly(year, month, day))?.Title);

    [Fact]
    public void Once_every_target_has_passed_the_latest_one_applies() =>
        Assert.Same(Stretch, FundingTarget.CurrentOn(Targets, new DateOnly(2030, 1, 1)));

    [Fact]
    public void Without_targets_there_is_no_current_target() =>
        Assert.Null(FundingTarget.CurrentOn([], new DateOnly(2026, 1, 1)));

    [Fact]
    public void A_target_is_kept_with_its_title_trimmed()
    {
        var target = new FundingTarget("  First year  ", 25_000_000.50m, new DateOnly(2026, 6, 30), FundingFixtures.Fmu, Now);

        Assert.Equal("First year", target.Title);
        Assert.Equal(25_000_000.50m, target.AmountUsd);
        Assert.Equal(Now, target.UpdatedAt);
    }

    [Theory]
    [InlineData("0", "amountUsd")]
    [InlineData("-25000000", "amountUsd")]
    [InlineData("25000000.001", "amountUsd")]
    [InlineData("10000000000.01", "amountUsd")]
    public void A_target_amount_that_is_not_positive_whole_cents_is_refused(string amount, string field)
    {
        var refused = Assert.Throws<InvalidChangeException>(() => new FundingTarget("First year",
            decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 6, 30), FundingFixtures.Fmu, Now));

        Assert.Equal(field, Assert.Single(refused.Errors).Key);
    }

    [Fact]
    public void A_target_without_a_title_or_with_one_too_long_is_refused()
    {
        var blank = Assert.Throws<InvalidChangeException>(() =>
            new FundingTarget("   ", 1m, new DateOnly(2026, 6, 30), FundingFixtures.Fmu, Now));
        var tooLong = Assert.Throws<InvalidChangeException>(() =>
            new FundingTarget(new string('t', FundingTarget.TitleMaxLength + 1), 1m, new DateOnly(2026, 6, 30), FundingFixtures.Fmu, Now));

        Assert.Equal(["A target has a title."], blank.Errors["title"]);
        Assert.Equal(["A target's title is at most 200 characters."], tooLong.Errors["title"]);
    }

    [Fact]
    public void A_refused_change_keeps_the_target_as_it_was()
    {
        var target = new FundingTarget("First year", 25_000_000m, new DateOnly(2026, 6, 30), FundingFixtures.Fmu, Now);

        Assert.Throws<InvalidChangeException>(() =>
            target.Change("First year (revised)", 0m, new DateOnly(2026, 9, 30), "other@un.org", Now.AddDays(1)));

        Assert.Equal("First year", target.Title);
        Assert.Equal(25_000_000m, target.AmountUsd);
        Assert.Equal(new DateOnly(2026, 6, 30), target.DueOn);
        Assert.Equal(FundingFixtures.Fmu, target.UpdatedBy);
    }
}
