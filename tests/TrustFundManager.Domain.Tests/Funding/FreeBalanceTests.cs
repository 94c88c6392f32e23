using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.Funding;

namespace TrustFundManager.Domain.Tests.Funding;

public sealed class FreeBalanceTests
{
    /// <summary>1,200,000 USD free: 500,000 unearmarked, 300,000 earmarked to area 1 and 400,000 to area 2.</summary>
    private static readonly FreeBalance Balance = new(500_000m, new Dictionary<int, decimal> { [1] = 300_000m, [2] = 400_000m });

    [Fact]
    public void The_balance_adds_the_unearmarked_money_and_every_area_s_earmarked_money()
    {
        Assert.Equal(1_200_000m, Balance.TotalUsd);
        Assert.Equal(800_000m, Balance.AvailableTo(1));
        Assert.Equal(500_000m, Balance.AvailableTo(3));
    }

    [Fact]
    public void A_programme_is_paid_from_its_own_area_s_earmarked_money_first()
    {
        var draw = Balance.Draw(1, 200_000m);

        Assert.Equal(new AllocationDraw(200_000m, 0m), draw);
    }

    [Fact]
    public void Once_its_area_s_money_is_used_the_rest_comes_from_the_unearmarked_money()
    {
        var draw = Balance.Draw(1, 650_000.25m);

        Assert.Equal(300_000m, draw.FromEarmarkedUsd);
        Assert.Equal(350_000.25m, draw.FromUnearmarkedUsd);
        Assert.Equal(650_000.25m, draw.TotalUsd);
    }

    [Fact]
    public void A_programme_in_an_area_without_earmarked_money_is_paid_from_the_unearmarked_money_only() =>
        Assert.Equal(new AllocationDraw(0m, 500_000m), Balance.Draw(3, 500_000m));

    [Fact]
    public void Everything_a_programme_s_area_can_use_may_be_drawn_to_the_cent() =>
        Assert.Equal(new AllocationDraw(300_000m, 500_000m), Balance.Draw(1, 800_000m));

    [Fact]
    public void The_whole_free_balance_may_be_allocated_when_none_of_it_is_earmarked_elsewhere()
    {
        var balance = new FreeBalance(500_000m, new Dictionary<int, decimal> { [1] = 300_000m });

        Assert.Equal(new AllocationDraw(300_000m, 500_000m), balance.Draw(1, 800_000m));
    }

    [Fact]
    public void An_allocation_above_the_free_balance_is_refused_naming_the_balance()
    {
        var refused = Assert.Throws<DomainConflictException>(() => Balance.Draw(1, 1_200_000.01m));

        Assert.Equal($"The allocation of {1_200_000.01m:N2} USD is above the balance free for allocation ({1_200_000m:N2} USD).",
            refused.Message);
        Assert.Equal([$"At most {800_000m:N2} USD is available to thematic area 1."], refused.Errors["budget"]);
    }

    [Fact]
    public void Enough_money_earmarked_to_other_areas_does_not_fund_a_programme()
    {
        // 1,200,000 is free in all, but only 800,000 of it may serve area 1: 400,000 is earmarked to area 2.
        var refused = Assert.Throws<DomainConflictException>(() => Balance.Draw(1, 800_000.01m));

        Assert.Contains("earmarked to other thematic areas", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"{400_000m:N2} USD of the free balance", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"above the {800_000m:N2} USD a programme in thematic area 1 can use", refused.Message,
            StringComparison.Ordinal);
        Assert.Equal("budget", Assert.Single(refused.Errors).Key);
    }

    [Fact]
    public void Nothing_is_available_to_a_programme_when_all_the_money_is_earmarked_to_another_area()
    {
        var balance = new FreeBalance(0m, new Dictionary<int, decimal> { [2] = 1_000_000m });

        var refused = Assert.Throws<DomainConflictException>(() => balance.Draw(1, 0.01m));

        Assert.Equal([$"At most {0m:N2} USD is available to thematic area 1."], refused.Errors["budget"]);
    }
}
