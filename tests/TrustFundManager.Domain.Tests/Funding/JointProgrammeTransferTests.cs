using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.Funding;
using static TrustFundManager.Domain.Tests.Funding.FundingFixtures;

namespace TrustFundManager.Domain.Tests.Funding;

public sealed class JointProgrammeTransferTests
{
    private static readonly DateOnly April = new(2026, 4, 2);

    private static Transfer Send(JointProgramme programme, string organization, decimal amountUsd, string reference,
        DateOnly? on = null, string status = JointProgrammeStatus.Allocated) =>
        programme.RecordTransfer(organization, amountUsd, on ?? April, reference, status, Today, Fmu, Now);

    /// <summary>Everything a refused transfer must leave as it was.</summary>
    private sealed record TransferState(decimal TransferredUsd, int Transfers, decimal IomTransferredUsd, decimal IomUntransferredUsd,
        Guid Version, DateTimeOffset UpdatedAt)
    {
        public static TransferState Of(JointProgramme p) => new(p.TransferredUsd, p.Transfers.Count, p.Line("IOM").TransferredUsd,
            p.Line("IOM").UntransferredUsd, p.Version, p.UpdatedAt);
    }

    [Theory]
    [InlineData(JointProgrammeStatus.Allocated)]
    [InlineData(JointProgrammeStatus.Active)]
    public void Funds_are_transferred_while_the_programme_is_allocated_or_active(string status)
    {
        var programme = Programme();

        var transfer = Send(programme, "IOM", 600_000m, "AA-TR-001", status: status);

        Assert.Equal(600_000m, transfer.AmountUsd);
        Assert.Equal(600_000m, programme.TransferredUsd);
        Assert.Equal(600_000m, programme.Line("IOM").UntransferredUsd);
    }

    [Theory]
    [InlineData(JointProgrammeStatus.Suspended)]
    [InlineData(JointProgrammeStatus.OperationallyClosed)]
    [InlineData(JointProgrammeStatus.FinanciallyClosed)]
    [InlineData(JointProgrammeStatus.Cancelled)]
    public void No_funds_are_transferred_to_a_suspended_closed_or_cancelled_programme(string status)
    {
        var programme = Programme();
        Send(programme, "IOM", 100_000m, "AA-TR-001");
        var before = TransferState.Of(programme);

        var refused = Assert.Throws<DomainConflictException>(() => Send(programme, "IOM", 100_000m, "AA-TR-002", status: status));

        Assert.Contains($"'{status}'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, TransferState.Of(programme));
    }

    [Fact]
    public void A_transfer_to_an_organization_outside_the_programme_is_refused_naming_the_organization()
    {
        var programme = Programme();
        var before = TransferState.Of(programme);

        var refused = Assert.Throws<InvalidChangeException>(() => Send(programme, "UNDP", 100_000m, "AA-TR-001"));

        Assert.Equal(["'UNDP' is not a participating organization of this programme."], refused.Errors["organization"]);
        Assert.Equal(before, TransferState.Of(programme));
    }

    [Fact]
    public void The_organization_is_named_whatever_its_case()
    {
        var programme = Programme();

        var transfer = Send(programme, " iom ", 100_000m, "AA-TR-001");

        Assert.Equal("IOM", transfer.Organization);
        Assert.Equal(100_000m, programme.Line("IOM").TransferredUsd);
    }

    [Fact]
    public void Tranches_up_to_exactly_the_organization_s_budget_are_accepted()
    {
        var programme = Programme();

        Send(programme, "IOM", 700_000m, "AA-TR-001");
        Send(programme, "IOM", 499_999.99m, "AA-TR-002");
        Send(programme, "IOM", 0.01m, "AA-TR-003");

        Assert.Equal(1_200_000m, programme.Line("IOM").TransferredUsd);
        Assert.Equal(0m, programme.Line("IOM").UntransferredUsd);
        Assert.Equal(1_200_000m, programme.TransferredUsd);
    }

    [Fact]
    public void A_tranche_one_cent_above_the_organization_s_budget_is_refused_and_nothing_changes()
    {
        var programme = Programme();
        Send(programme, "IOM", 700_000m, "AA-TR-001");
        var before = TransferState.Of(programme);

        var refused = Assert.Throws<DomainConflictException>(() => Send(programme, "IOM", 500_000.01m, "AA-TR-002"));

        Assert.Equal([$"At most {500_000m:N2} USD."], refused.Errors["amountUsd"]);
        Assert.Contains("IOM would exceed its budget", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, TransferState.Of(programme));
    }

    [Fact]
    public void One_organization_s_unspent_budget_does_not_make_room_for_another()
    {
        var programme = Programme();

        Send(programme, "ILO", 800_000.50m, "AA-TR-001");
        Assert.Throws<DomainConflictException>(() => Send(programme, "ILO", 0.01m, "AA-TR-002"));

        Assert.Equal(800_000.50m, programme.TransferredUsd);
        Assert.Equal(0m, programme.Line("IOM").TransferredUsd);
    }

    [Fact]
    public void Tranches_are_numbered_from_one_for_each_organization()
    {
        var programme = Programme();

        var iom1 = Send(programme, "IOM", 100m, "AA-TR-001");
        var ilo1 = Send(programme, "ILO", 100m, "AA-TR-002");
        var iom2 = Send(programme, "IOM", 100m, "AA-TR-003");
        var unicef1 = Send(programme, "UNICEF", 100m, "AA-TR-004");
        var ilo2 = Send(programme, "ILO", 100m, "AA-TR-005");
        var iom3 = Send(programme, "IOM", 100m, "AA-TR-006");

        Assert.Equal([1, 2, 3], [iom1.Tranche, iom2.Tranche, iom3.Tranche]);
        Assert.Equal([1, 2], [ilo1.Tranche, ilo2.Tranche]);
        Assert.Equal(1, unicef1.Tranche);
        Assert.Equal(600m, programme.TransferredUsd);
    }

    [Theory]
    [InlineData(2026, 3, 9, "A transfer cannot precede the allocation (2026-03-10).")]
    [InlineData(2026, 11, 24, "A transfer is recorded once made: its date cannot be in the future.")]
    public void A_transfer_dated_before_the_allocation_or_in_the_future_is_refused_and_nothing_changes(int year, int month,
        int day, string error)
    {
        var programme = Programme();
        var before = TransferState.Of(programme);

        var refused = Assert.Throws<InvalidChangeException>(() =>
            Send(programme, "IOM", 100_000m, "AA-TR-001", on: new DateOnly(year, month, day)));

        Assert.Equal([error], refused.Errors["transferredOn"]);
        Assert.Equal(before, TransferState.Of(programme));
    }

    [Fact]
    public void Transfers_on_the_day_of_the_allocation_and_today_are_accepted()
    {
        var programme = Programme();

        Send(programme, "IOM", 100m, "AA-TR-001", on: AllocatedOn);
        Send(programme, "IOM", 100m, "AA-TR-002", on: Today);

        Assert.Equal(2, programme.Transfers.Count);
    }

    [Fact]
    public void A_transfer_reference_already_recorded_on_the_programme_is_refused_whatever_its_case()
    {
        var programme = Programme();
        Send(programme, "IOM", 100_000m, "AA-TR-001");
        var before = TransferState.Of(programme);

        var refused = Assert.Throws<DomainConflictException>(() => Send(programme, "ILO", 100_000m, " aa-tr-001 "));

        Assert.Contains("'aa-tr-001'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, TransferState.Of(programme));
        Assert.Equal(0m, programme.Line("ILO").TransferredUsd);
    }

    [Theory]
    [InlineData("0", "AA-TR-001", "amountUsd")]
    [InlineData("-100", "AA-TR-001", "amountUsd")]
    [InlineData("100.001", "AA-TR-001", "amountUsd")]
    [InlineData("100", "  ", "reference")]
    public void A_transfer_of_a_bad_amount_or_without_a_reference_is_refused(string amount, string reference, string field)
    {
        var programme = Programme();
        var before = TransferState.Of(programme);

        var refused = Assert.Throws<InvalidChangeException>(() =>
            Send(programme, "IOM", decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), reference));

        Assert.Equal(field, Assert.Single(refused.Errors).Key);
        Assert.Equal(before, TransferState.Of(programme));
    }
}
