using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Domain.Tests;

public sealed class FundSettingsTests
{
    private static readonly FundSettingsValues Defaults = new("Migration MPTF", 3_000_000m, 12, 36, 0.01m, 0.07m,
        DecisionRule.Consensus, 2, 3, true, 90);

    [Theory]
    [InlineData(12, 8)]
    [InlineData(11, 8)]
    [InlineData(9, 6)]
    [InlineData(1, 1)]
    [InlineData(0, 1)]
    public void Two_thirds_quorum_is_exact_and_rounds_up(int eligible, int quorum) =>
        Assert.Equal(quorum, BallotRule.From(new FundSettings(Defaults)).QuorumFor(eligible));

    [Fact]
    public void A_simple_majority_quorum_of_twelve_is_six()
    {
        var settings = BallotRule.From(new FundSettings(Defaults with { QuorumNumerator = 1, QuorumDenominator = 2 }));
        Assert.Equal(6, settings.QuorumFor(12));
        Assert.Equal(7, settings.QuorumFor(13));
    }

    public static TheoryData<FundSettingsValues, string> BrokenRules() => new()
    {
        { Defaults with { FundName = " " }, "fundName" },
        { Defaults with { RevisionPeriodDays = 6 }, "revisionPeriodDays" },
        { Defaults with { RevisionPeriodDays = 731 }, "revisionPeriodDays" },
        { Defaults with { CommitteeTermMonths = 5 }, "committeeTermMonths" },
        { Defaults with { CommitteeTermMonths = 121 }, "committeeTermMonths" },
        { Defaults with { BudgetCeilingUsd = 0m }, "budgetCeilingUsd" },
        { Defaults with { BudgetCeilingUsd = 10.001m }, "budgetCeilingUsd" },
        { Defaults with { MinDurationMonths = 0 }, "minDurationMonths" },
        { Defaults with { MinDurationMonths = 40 }, "maxDurationMonths" },
        { Defaults with { MaxDurationMonths = 121 }, "maxDurationMonths" },
        { Defaults with { AdministrativeAgentFeeRate = -0.01m }, "administrativeAgentFeeRate" },
        { Defaults with { IndirectCostRate = 0.51m }, "indirectCostRate" },
        { Defaults with { DecisionRule = (DecisionRule)7 }, "decisionRule" },
        { Defaults with { QuorumNumerator = 0 }, "quorumNumerator" },
        { Defaults with { QuorumNumerator = 4 }, "quorumNumerator" },
        { Defaults with { QuorumDenominator = 0 }, "quorumDenominator" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void A_change_that_breaks_a_rule_is_refused_and_keeps_the_old_values(FundSettingsValues values, string field)
    {
        var settings = new FundSettings(Defaults);

        var refused = Assert.Throws<InvalidChangeException>(() => settings.Change(values, settings.Version));

        Assert.Contains(field, refused.Errors.Keys);
        Assert.Equal(Defaults, settings.Values);
    }

    [Fact]
    public void A_valid_change_takes_every_value()
    {
        var settings = new FundSettings(Defaults);
        var changed = Defaults with { DecisionRule = DecisionRule.Majority, BudgetCeilingUsd = 2_500_000.25m, FundName = " Fund " };

        var version = settings.Version;

        settings.Change(changed, version);

        Assert.Equal(changed with { FundName = "Fund" }, settings.Values);
        Assert.NotEqual(version, settings.Version);
    }

    [Fact]
    public void A_change_based_on_a_version_that_is_no_longer_current_is_refused()
    {
        var settings = new FundSettings(Defaults);
        var readByBoth = settings.Version;
        settings.Change(Defaults with { IndirectCostRate = 0.08m }, readByBoth);

        Assert.Throws<DomainConflictException>(() => settings.Change(Defaults with { MinDurationMonths = 6 }, readByBoth));

        Assert.Equal(Defaults with { IndirectCostRate = 0.08m }, settings.Values);
    }
}
