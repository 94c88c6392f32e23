using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.ReferenceData;
using static TrustFundManager.Domain.Tests.Funding.FundingFixtures;

namespace TrustFundManager.Domain.Tests.Funding;

public sealed class JointProgrammeAllocationTests
{
    private static JointProgramme Allocate(IReadOnlyList<BudgetShare>? budget, decimal indirectCostRate = IndirectCostRate,
        FreeBalance? balance = null, string status = ConceptNoteStatus.ApprovedInPipeline, ConceptNote? note = null) =>
        JointProgramme.Allocate(note ?? Note(), status, budget, balance ?? Balance, indirectCostRate, AllocatedOn, Fmu, AllocatedAt);

    [Theory]
    [InlineData(ConceptNoteStatus.Draft)]
    [InlineData(ConceptNoteStatus.Submitted)]
    [InlineData(ConceptNoteStatus.Screening)]
    [InlineData(ConceptNoteStatus.UnderCommitteeReview)]
    [InlineData(ConceptNoteStatus.Deferred)]
    [InlineData(ConceptNoteStatus.Funded)]
    public void Only_a_note_approved_and_waiting_in_the_pipeline_is_funded(string status)
    {
        var refused = Assert.Throws<DomainConflictException>(() => Allocate(null, status: status));

        Assert.Contains($"'{status}'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_programme_takes_the_note_s_title_countries_area_and_duration()
    {
        var note = Note();

        var programme = Allocate(null, note: note);

        Assert.Equal(note.Id, programme.ConceptNoteId);
        Assert.Equal(MexicoContent.Title, programme.Title);
        Assert.Equal("MEX", programme.Country);
        Assert.Equal(["MEX", "GTM"], programme.Countries);
        Assert.Equal(Region.LatinAmericaAndCaribbean, programme.Region);
        Assert.Equal(2, programme.ThematicAreaNumber);
        Assert.Equal(24, programme.DurationMonths);
        Assert.Equal(AllocatedOn, programme.AllocatedOn);
        Assert.Equal(AllocatedAt, programme.AllocatedAt);
        Assert.Equal(Fmu, programme.AllocatedBy);
        Assert.Equal(0m, programme.TransferredUsd);
        Assert.Null(programme.DeliveryRate);
    }

    [Fact]
    public void Without_a_budget_of_its_own_the_fmu_allocates_the_note_s_budget()
    {
        foreach (var budget in new[] { null, Array.Empty<BudgetShare>() })
        {
            var programme = Allocate(budget);

            Assert.Equal(["IOM", "ILO", "UNICEF"], programme.Organizations);
            Assert.Equal([1_200_000m, 800_000.50m, 499_999.50m], programme.Budget.OrderBy(b => b.Position).Select(b => b.AmountUsd));
            Assert.Equal(2_500_000m, programme.AllocatedUsd);
        }
    }

    [Fact]
    public void Each_organization_s_indirect_cost_is_inside_its_budget_at_the_rate_over_one_plus_the_rate()
    {
        var programme = Allocate(null);

        // 1,200,000.00 × 0.07 / 1.07 = 78,504.672…; 800,000.50 × 0.07 / 1.07 = 52,336.481…; 499,999.50 × 0.07 / 1.07 = 32,710.247…
        Assert.Equal((78_504.67m, 1_121_495.33m), (programme.Line("IOM").IndirectCostUsd, programme.Line("IOM").DirectCostUsd));
        Assert.Equal((52_336.48m, 747_664.02m), (programme.Line("ILO").IndirectCostUsd, programme.Line("ILO").DirectCostUsd));
        Assert.Equal((32_710.25m, 467_289.25m), (programme.Line("UNICEF").IndirectCostUsd, programme.Line("UNICEF").DirectCostUsd));
        Assert.Equal(163_551.40m, programme.IndirectCostUsd);
        Assert.Equal(0.07m, programme.IndirectCostRate);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.07")]
    [InlineData("0.08")]
    [InlineData("0.13")]
    [InlineData("0.5")]
    public void Direct_and_indirect_cost_add_up_to_each_budget_and_the_indirect_costs_to_the_programme_s(string rate)
    {
        var programme = Allocate([new("iom", 999_999.99m), new("ILO", 333_333.33m), new("UNICEF", 0.07m)],
            decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture));

        Assert.All(programme.Budget, line =>
        {
            Assert.Equal(line.AmountUsd, line.DirectCostUsd + line.IndirectCostUsd);
            Assert.Equal(Money.Cents(line.AmountUsd * programme.IndirectCostRate / (1 + programme.IndirectCostRate)), line.IndirectCostUsd);
        });
        Assert.Equal(programme.Budget.Sum(b => b.IndirectCostUsd), programme.IndirectCostUsd);
        Assert.Equal(programme.Budget.Sum(b => b.AmountUsd), programme.AllocatedUsd);
    }

    [Fact]
    public void The_allocation_is_paid_from_the_area_s_earmarked_money_first_then_from_unearmarked_money()
    {
        var programme = Allocate(null);

        Assert.Equal(1_000_000m, programme.FromEarmarkedUsd);
        Assert.Equal(1_500_000m, programme.FromUnearmarkedUsd);
        Assert.Equal(programme.AllocatedUsd, programme.FromEarmarkedUsd + programme.FromUnearmarkedUsd);
    }

    [Fact]
    public void A_budget_of_its_own_may_fund_fewer_of_the_note_s_organizations_for_less()
    {
        var programme = Allocate([new(" unicef ", 400_000m), new("iom", 1_000_000.01m)]);

        Assert.Equal(["UNICEF", "IOM"], programme.Organizations);
        Assert.Equal(1_400_000.01m, programme.AllocatedUsd);
        Assert.Equal(1_000_000m, programme.FromEarmarkedUsd);
        Assert.Equal(400_000.01m, programme.FromUnearmarkedUsd);
    }

    [Fact]
    public void An_organization_that_is_not_in_the_note_is_refused_naming_its_line()
    {
        var refused = Assert.Throws<InvalidChangeException>(() => Allocate([new("IOM", 1_000_000m), new("UNDP", 500_000m)]));

        Assert.Equal(["UNDP is not among the concept note's organizations."], refused.Errors["budget[1].organization"]);
        Assert.Single(refused.Errors);
    }

    [Fact]
    public void A_programme_has_at_least_two_organizations()
    {
        var refused = Assert.Throws<InvalidChangeException>(() => Allocate([new("IOM", 1_000_000m)]));

        Assert.Equal(["A joint programme has at least 2 participating organizations."], refused.Errors["budget"]);
    }

    [Fact]
    public void An_organization_appears_once_in_the_budget_whatever_its_case()
    {
        var refused = Assert.Throws<InvalidChangeException>(() =>
            Allocate([new("IOM", 1_000_000m), new("ILO", 500_000m), new(" iom", 1m)]));

        Assert.Equal(["Each organization appears once."], refused.Errors["budget"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1000")]
    [InlineData("500000.001")]
    public void A_budget_line_that_is_not_positive_whole_cents_is_refused_naming_its_line(string amount)
    {
        var refused = Assert.Throws<InvalidChangeException>(() => Allocate(
            [new("IOM", 1_000_000m), new("ILO", decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))]));

        Assert.Equal("budget[1].amountUsd", Assert.Single(refused.Errors).Key);
    }

    [Fact]
    public void A_budget_above_what_the_committee_approved_is_refused_by_a_cent()
    {
        var refused = Assert.Throws<InvalidChangeException>(() =>
            Allocate([new("IOM", 1_200_000.01m), new("ILO", 800_000.50m), new("UNICEF", 499_999.50m)]));

        Assert.Equal([$"The budget ({2_500_000.01m:N2} USD) is above what the committee approved ({2_500_000m:N2} USD)."],
            refused.Errors["budget"]);
    }

    [Fact]
    public void A_budget_of_exactly_what_the_committee_approved_but_split_differently_is_accepted()
    {
        var programme = Allocate([new("IOM", 1_000_000m), new("ILO", 1_000_000m), new("UNICEF", 500_000m)]);

        Assert.Equal(2_500_000m, programme.AllocatedUsd);
    }

    [Fact]
    public void An_allocation_the_free_balance_cannot_pay_for_is_refused()
    {
        // 3,000,000 free, but 1,000,000 of it is earmarked to area 4: a programme in area 2 can use 2,000,000.
        var balance = new FreeBalance(1_000_000m, new Dictionary<int, decimal> { [2] = 1_000_000m, [4] = 1_000_000m });

        var refused = Assert.Throws<DomainConflictException>(() => Allocate(null, balance: balance));

        Assert.Contains("earmarked to other thematic areas", refused.Message, StringComparison.Ordinal);
        Assert.Contains("budget", refused.Errors.Keys);
    }

    [Fact]
    public void A_note_without_a_thematic_area_cannot_be_funded()
    {
        var note = Note(MexicoContent with { ThematicAreaNumber = null });

        var refused = Assert.Throws<InvalidChangeException>(() => Allocate(null, note: note));

        Assert.Equal(["The concept note has no thematic area."], refused.Errors["conceptNoteId"]);
    }

    [Theory]
    [InlineData(-0.07)]
    [InlineData(1)]
    public void An_indirect_cost_rate_outside_zero_to_one_is_a_programming_error(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Allocate(null, indirectCostRate: (decimal)rate));
}
