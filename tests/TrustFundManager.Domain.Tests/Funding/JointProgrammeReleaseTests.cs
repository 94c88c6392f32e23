using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.Funding;
using static TrustFundManager.Domain.Tests.Funding.FundingFixtures;

namespace TrustFundManager.Domain.Tests.Funding;

public sealed class JointProgrammeReleaseTests
{
    private static JointProgramme CancelledAfterOneTranche()
    {
        // 2,500,000.00 allocated: 1,000,000.00 from area 2's earmarked money, 1,500,000.00 unearmarked.
        var programme = Programme();
        programme.RecordTransfer("IOM", 600_000m, new DateOnly(2026, 4, 1), "AA-TR-001", JointProgrammeStatus.Active, Today, Fmu, Now);
        programme.ReleaseUntransferred(Today, Fmu, Now);
        return programme;
    }

    [Fact]
    public void Cancelling_gives_back_what_was_not_transferred_organization_by_organization()
    {
        var programme = CancelledAfterOneTranche();

        Assert.Equal(1_900_000m, programme.ReleasedUsd);
        Assert.Equal(Today, programme.ReleasedOn);
        Assert.Equal((600_000m, 800_000.50m, 499_999.50m),
            (programme.Line("IOM").ReleasedUsd, programme.Line("ILO").ReleasedUsd, programme.Line("UNICEF").ReleasedUsd));
        Assert.All(programme.Budget, line => Assert.Equal(0m, line.UntransferredUsd));
        Assert.Equal(programme.ReleasedUsd, programme.Budget.Sum(b => b.ReleasedUsd));
        Assert.Equal(programme.AllocatedUsd, programme.ReleasedUsd + programme.TransferredUsd);
    }

    [Fact]
    public void Released_money_returns_to_the_unearmarked_pool_first_the_reverse_of_the_draw()
    {
        var programme = CancelledAfterOneTranche();

        Assert.Equal((1_500_000m, 400_000m), (programme.ReleasedToUnearmarkedUsd, programme.ReleasedToEarmarkedUsd));
        Assert.Equal(programme.ReleasedUsd, programme.ReleasedToUnearmarkedUsd + programme.ReleasedToEarmarkedUsd);
    }

    [Fact]
    public void A_programme_releases_once()
    {
        var programme = CancelledAfterOneTranche();
        var version = programme.Version;

        var refused = Assert.Throws<DomainConflictException>(() => programme.ReleaseUntransferred(Today, Fmu, Now));

        Assert.Contains("already released", refused.Message, StringComparison.Ordinal);
        Assert.Equal((1_900_000m, version), (programme.ReleasedUsd, programme.Version));
    }

    [Fact]
    public void Nothing_released_can_be_transferred_afterwards()
    {
        var programme = CancelledAfterOneTranche();

        var refused = Assert.Throws<DomainConflictException>(() => programme.RecordTransfer("ILO", 0.01m, Today, "AA-TR-002",
            JointProgrammeStatus.Active, Today, Fmu, Now));

        Assert.Contains("at most 0.00 more", refused.Message, StringComparison.Ordinal);
        Assert.Equal(600_000m, programme.TransferredUsd);
    }

    [Fact]
    public void A_programme_cancelled_before_any_transfer_gives_everything_back()
    {
        var programme = Programme();

        programme.ReleaseUntransferred(Today, Fmu, Now);

        Assert.Equal((2_500_000m, 1_500_000m, 1_000_000m),
            (programme.ReleasedUsd, programme.ReleasedToUnearmarkedUsd, programme.ReleasedToEarmarkedUsd));
    }
}
