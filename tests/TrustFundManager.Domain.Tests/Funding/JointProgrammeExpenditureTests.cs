using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.Funding;
using static TrustFundManager.Domain.Tests.Funding.FundingFixtures;

namespace TrustFundManager.Domain.Tests.Funding;

public sealed class JointProgrammeExpenditureTests
{
    /// <summary>
    /// The year after the allocation, on the last day 2026's figures are open: reports for 2026 and 2027 are possible
    /// without a correction.
    /// </summary>
    private static readonly DateOnly ReportingDay = new(2027, 4, 30);
    private static readonly DateTimeOffset ReportingAt = new(2027, 4, 30, 11, 0, 0, TimeSpan.Zero);

    /// <summary>The next day: 2026's figures are final.</summary>
    private static readonly DateOnly FinalDay = new(2027, 5, 1);
    private static readonly DateTimeOffset FinalAt = new(2027, 5, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The programme with 500,000 USD transferred to IOM and 300,000 to ILO; UNICEF received nothing.</summary>
    private static JointProgramme Funded()
    {
        var programme = Programme();
        programme.RecordTransfer("IOM", 500_000m, new DateOnly(2026, 4, 2), "AA-TR-001", JointProgrammeStatus.Allocated, Today, Fmu, Now);
        programme.RecordTransfer("ILO", 300_000m, new DateOnly(2026, 4, 2), "AA-TR-002", JointProgrammeStatus.Allocated, Today, Fmu, Now);
        return programme;
    }

    private static AnnualExpenditure Report(JointProgramme programme, string organization, int year, decimal amountUsd,
        string status = JointProgrammeStatus.Active) =>
        programme.ReportExpenditure(organization, year, amountUsd, status, ReportingDay, Fmu, ReportingAt);

    /// <summary>Everything a refused report must leave as it was.</summary>
    private sealed record SpendingState(decimal SpentUsd, int Reports, decimal IomSpentUsd, decimal? IomReport2026, Guid Version)
    {
        public static SpendingState Of(JointProgramme p) => new(p.SpentUsd, p.Expenditures.Count, p.Line("IOM").SpentUsd,
            p.Expenditures.SingleOrDefault(e => e is { Organization: "IOM", Year: 2026 })?.AmountUsd, p.Version);
    }

    [Fact]
    public void An_organization_reports_what_it_spent_in_a_year()
    {
        var programme = Funded();

        var report = Report(programme, " iom ", 2026, 120_000.55m);

        Assert.Equal(("IOM", 2026, 120_000.55m), (report.Organization, report.Year, report.AmountUsd));
        Assert.Equal(ReportingDay, report.ReportedOn);
        Assert.Equal(120_000.55m, programme.Line("IOM").SpentUsd);
        Assert.Equal(120_000.55m, programme.SpentUsd);
    }

    [Fact]
    public void Expenditure_up_to_exactly_what_the_organization_received_is_accepted() =>
        Assert.Equal(500_000m, Report(Funded(), "IOM", 2026, 500_000m).AmountUsd);

    [Fact]
    public void Expenditure_above_what_the_organization_received_is_refused_and_nothing_changes()
    {
        var programme = Funded();
        Report(programme, "IOM", 2026, 100_000m);
        var before = SpendingState.Of(programme);

        var refused = Assert.Throws<DomainConflictException>(() => Report(programme, "IOM", 2027, 400_000.01m));

        Assert.Equal([$"At most {400_000m:N2} USD."], refused.Errors["amountUsd"]);
        Assert.Equal(before, SpendingState.Of(programme));
        Assert.Single(programme.Expenditures);
    }

    [Fact]
    public void Expenditure_over_all_years_never_exceeds_what_the_organization_received()
    {
        var programme = Funded();
        Report(programme, "IOM", 2026, 300_000m);

        var refused = Assert.Throws<DomainConflictException>(() => Report(programme, "IOM", 2027, 200_000.01m));

        Assert.Equal([$"At most {200_000m:N2} USD."], refused.Errors["amountUsd"]);
        Assert.Equal(300_000m, programme.Line("IOM").SpentUsd);
    }

    [Fact]
    public void Another_organization_s_transfers_do_not_cover_an_organization_s_expenditure()
    {
        var programme = Funded();

        Assert.Throws<DomainConflictException>(() => Report(programme, "UNICEF", 2026, 0.01m));
        Assert.Throws<DomainConflictException>(() => Report(programme, "ILO", 2026, 300_000.01m));

        Assert.Equal(0m, programme.SpentUsd);
    }

    [Fact]
    public void A_second_report_for_the_same_year_replaces_the_first()
    {
        var programme = Funded();
        Report(programme, "IOM", 2026, 300_000m);
        Report(programme, "ILO", 2026, 50_000m);

        var replaced = Report(programme, "IOM", 2026, 120_000m);

        Assert.Equal(120_000m, replaced.AmountUsd);
        Assert.Equal(120_000m, Assert.Single(programme.Expenditures, e => e.Organization == "IOM").AmountUsd);
        Assert.Equal(120_000m, programme.Line("IOM").SpentUsd);
        Assert.Equal(170_000m, programme.SpentUsd);
    }

    [Fact]
    public void The_report_being_replaced_does_not_count_against_the_limit()
    {
        var programme = Funded();
        Report(programme, "IOM", 2026, 400_000m);
        Report(programme, "IOM", 2027, 50_000m);

        // 500,000 received, 50,000 spent in 2027: 2026 may be restated up to 450,000, not just the 50,000 left.
        Report(programme, "IOM", 2026, 450_000m);
        var refused = Assert.Throws<DomainConflictException>(() => Report(programme, "IOM", 2026, 450_000.01m));

        Assert.Equal([$"At most {450_000m:N2} USD."], refused.Errors["amountUsd"]);
        Assert.Equal(500_000m, programme.SpentUsd);
        Assert.Equal(450_000m, SpendingState.Of(programme).IomReport2026);
    }

    [Theory]
    [InlineData(2025, "year")]
    [InlineData(2028, "year")]
    public void Expenditure_for_a_year_before_the_allocation_or_after_this_year_is_refused(int year, string field)
    {
        var programme = Funded();
        var before = SpendingState.Of(programme);

        var refused = Assert.Throws<InvalidChangeException>(() => Report(programme, "IOM", year, 1_000m));

        Assert.Equal(["Expenditure is reported for a year from the allocation (2026) to this year (2027)."], refused.Errors[field]);
        Assert.Equal(before, SpendingState.Of(programme));
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("100.001")]
    [InlineData("10000000000.01")]
    public void Negative_or_fractional_cent_expenditure_is_refused(string amount)
    {
        var programme = Funded();
        var before = SpendingState.Of(programme);

        var refused = Assert.Throws<InvalidChangeException>(() =>
            Report(programme, "IOM", 2026, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal("amountUsd", Assert.Single(refused.Errors).Key);
        Assert.Equal(before, SpendingState.Of(programme));
    }

    [Fact]
    public void A_report_of_nothing_spent_is_accepted_even_before_any_transfer()
    {
        var programme = Funded();

        var report = Report(programme, "UNICEF", 2026, 0m);

        Assert.Equal(0m, report.AmountUsd);
        Assert.Single(programme.Expenditures);
    }

    [Fact]
    public void A_report_may_restate_a_year_down_to_zero()
    {
        var programme = Funded();
        Report(programme, "IOM", 2026, 300_000m);

        Report(programme, "IOM", 2026, 0m);

        Assert.Equal(0m, programme.SpentUsd);
        Assert.Equal(0m, programme.Line("IOM").SpentUsd);
    }

    [Fact]
    public void Expenditure_cannot_change_once_the_programme_is_financially_closed()
    {
        var programme = Funded();
        Report(programme, "IOM", 2026, 300_000m);
        var before = SpendingState.Of(programme);

        var refused = Assert.Throws<DomainConflictException>(() =>
            Report(programme, "IOM", 2026, 250_000m, JointProgrammeStatus.FinanciallyClosed));

        Assert.Contains("financially closed", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, SpendingState.Of(programme));
    }

    [Fact]
    public void Expenditure_is_still_reported_after_operational_closure()
    {
        var programme = Funded();

        Report(programme, "IOM", 2027, 499_000m, JointProgrammeStatus.OperationallyClosed);

        Assert.Equal(499_000m, programme.SpentUsd);
    }

    [Fact]
    public void Expenditure_of_an_organization_outside_the_programme_is_refused()
    {
        var programme = Funded();

        var refused = Assert.Throws<InvalidChangeException>(() => Report(programme, "UNDP", 2026, 0m));

        Assert.Equal("organization", Assert.Single(refused.Errors).Key);
        Assert.Empty(programme.Expenditures);
    }

    [Fact]
    public void The_delivery_rate_is_expenditure_over_transfers()
    {
        var programme = Funded();
        Assert.Equal(0m, programme.DeliveryRate);

        Report(programme, "IOM", 2026, 200_000m);
        Report(programme, "ILO", 2026, 66_666.67m);

        Assert.Equal(0.3333m, programme.DeliveryRate); // 266,666.67 / 800,000 = 0.33333…
    }

    [Theory]
    [InlineData(2026, "2027-04-30", false)]
    [InlineData(2026, "2027-05-01", true)]
    [InlineData(2026, "2026-12-31", false)]
    [InlineData(2027, "2027-05-01", false)]
    public void A_years_expenditure_is_final_from_the_first_of_May_of_the_next_year(int year, string day, bool final) =>
        Assert.Equal(final, AnnualExpenditure.IsFinal(year, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_final_year_changes_only_as_a_correction_that_says_why()
    {
        var programme = Funded();
        Report(programme, "IOM", 2026, 300_000m);
        var before = SpendingState.Of(programme);

        var refused = Assert.Throws<InvalidChangeException>(() =>
            programme.ReportExpenditure("IOM", 2026, 310_000m, JointProgrammeStatus.Active, FinalDay, Fmu, FinalAt, correctionReason: " "));

        Assert.Equal(["Expenditure for 2026 is final since 30 April 2027: a correction says why it is made."], refused.Errors["reason"]);
        Assert.Equal(before, SpendingState.Of(programme));

        var corrected = programme.ReportExpenditure("IOM", 2026, 310_000m, JointProgrammeStatus.Active, FinalDay, Fmu, FinalAt,
            correctionReason: "The certified financial statement for 2026 differs from the interim figure.");
        Assert.Equal((310_000m, FinalDay), (corrected.AmountUsd, corrected.ReportedOn));
        Assert.Equal(310_000m, programme.Line("IOM").SpentUsd);

        // The year that is still open needs no reason.
        programme.ReportExpenditure("IOM", 2027, 10_000m, JointProgrammeStatus.Active, FinalDay, Fmu, FinalAt);
        Assert.Equal(320_000m, programme.SpentUsd);
    }
}
