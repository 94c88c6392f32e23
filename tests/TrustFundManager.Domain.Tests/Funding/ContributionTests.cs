using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.Funding;

namespace TrustFundManager.Domain.Tests.Funding;

public sealed class ContributionTests
{
    private const string Fmu = FundingFixtures.Fmu;
    private const decimal FeeRate = 0.01m;

    private static readonly Guid NorwayId = new("00000000-0000-0000-0000-0000000000d1");
    private static readonly DateOnly PledgedOn = new(2026, 2, 10);
    private static readonly DateOnly SignedOn = new(2026, 3, 15);
    private static readonly DateOnly Today = FundingFixtures.Today;
    private static readonly DateTimeOffset PledgedAt = new(2026, 2, 10, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SignedAt = new(2026, 3, 16, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = FundingFixtures.Now;

    /// <summary>Norway's agreement: 4,000,000.00 EUR at 1.09, softly earmarked to thematic area 2.</summary>
    private static readonly ContributionCommitment Agreement = new(SignedOn, 4_000_000m, "EUR", 1.09m, 2, " MPTF/NOR/2026-01 ");

    private static Contribution Pledged() =>
        Contribution.Pledge(NorwayId, PledgedOn, 5_000_000m, "EUR", 1.0825m, PledgedOn, Fmu, PledgedAt);

    private static Contribution Committed(ContributionCommitment? agreement = null)
    {
        var contribution = Pledged();
        contribution.Commit(agreement ?? Agreement, FundingFixtures.ThematicAreas, SignedOn, contribution.Version, Fmu, SignedAt);
        return contribution;
    }

    private static Deposit Receive(Contribution contribution, decimal amount, string reference, decimal rate = 1.1m,
        DateOnly? on = null) =>
        contribution.RecordDeposit(new DepositReceipt(on ?? new DateOnly(2026, 4, 1), amount, rate, reference), FeeRate, Today,
            Fmu, Now);

    /// <summary>Everything a refused deposit must leave as it was.</summary>
    private sealed record DepositState(decimal DepositedAmount, decimal DepositedUsd, int Deposits, decimal? Outstanding,
        Guid Version, DateTimeOffset UpdatedAt)
    {
        public static DepositState Of(Contribution c) =>
            new(c.DepositedAmount, c.DepositedUsd, c.Deposits.Count, c.OutstandingAmount, c.Version, c.UpdatedAt);
    }

    // Pledge

    [Fact]
    public void A_pledge_is_valued_in_usd_at_its_indicative_rate()
    {
        var pledge = Contribution.Pledge(NorwayId, PledgedOn, 1_234_567.89m, " eur ", 1.0733m, Today, Fmu, PledgedAt);

        Assert.Equal(ContributionStatus.Pledged, pledge.Status);
        Assert.Equal("EUR", pledge.PledgedCurrency);
        Assert.Equal(1_234_567.89m, pledge.PledgedAmount);
        Assert.Equal(1_325_061.72m, pledge.PledgedUsd); // 1,325,061.716337
        Assert.Null(pledge.CommittedAmount);
        Assert.Null(pledge.OutstandingAmount);
        Assert.Empty(pledge.Deposits);
    }

    [Fact]
    public void A_pledge_made_today_is_accepted_but_one_dated_tomorrow_is_refused()
    {
        Assert.Equal(Today, Contribution.Pledge(NorwayId, Today, 100m, "EUR", 1.1m, Today, Fmu, Now).PledgedOn);

        var refused = Assert.Throws<InvalidChangeException>(() =>
            Contribution.Pledge(NorwayId, Today.AddDays(1), 100m, "EUR", 1.1m, Today, Fmu, Now));

        Assert.Equal("pledgedOn", Assert.Single(refused.Errors).Key);
    }

    [Theory]
    [InlineData("ABC")]
    [InlineData("XAU")]
    [InlineData("")]
    public void A_pledge_in_an_unknown_currency_is_refused(string currency)
    {
        var refused = Assert.Throws<InvalidChangeException>(() =>
            Contribution.Pledge(NorwayId, PledgedOn, 100m, currency, 1.1m, Today, Fmu, Now));

        Assert.Equal([$"'{currency}' is not an ISO 4217 currency."], refused.Errors["currency"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-500")]
    [InlineData("100.001")]
    [InlineData("10000000000.01")]
    public void A_pledge_of_an_amount_that_is_not_positive_whole_cents_is_refused(string amount)
    {
        var refused = Assert.Throws<InvalidChangeException>(() => Contribution.Pledge(NorwayId, PledgedOn,
            decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "EUR", 1.1m, Today, Fmu, Now));

        Assert.Equal("amount", Assert.Single(refused.Errors).Key);
    }

    [Fact]
    public void A_pledge_in_usd_at_a_rate_other_than_one_is_refused()
    {
        var refused = Assert.Throws<InvalidChangeException>(() =>
            Contribution.Pledge(NorwayId, PledgedOn, 100m, "usd", 1.01m, Today, Fmu, Now));

        Assert.Equal(["An amount in USD has a rate of 1."], refused.Errors["rateToUsd"]);
    }

    // Commitment

    [Fact]
    public void A_commitment_records_the_agreement_and_its_usd_value()
    {
        var contribution = Pledged();
        var before = contribution.Version;

        contribution.Commit(Agreement with { Currency = " eur ", Amount = 1_234_567.89m, RateToUsd = 1.0733m },
            FundingFixtures.ThematicAreas, Today, before, Fmu, SignedAt);

        Assert.Equal(ContributionStatus.Committed, contribution.Status);
        Assert.Equal(SignedOn, contribution.CommittedOn);
        Assert.Equal("EUR", contribution.CommittedCurrency);
        Assert.Equal(1_325_061.72m, contribution.CommittedUsd);
        Assert.Equal(1_234_567.89m, contribution.OutstandingAmount);
        Assert.Equal(2, contribution.EarmarkedAreaNumber);
        Assert.Equal("MPTF/NOR/2026-01", contribution.AgreementReference);
        Assert.NotEqual(before, contribution.Version);
        Assert.Equal(SignedAt, contribution.UpdatedAt);
    }

    [Fact]
    public void An_unearmarked_commitment_in_another_currency_than_the_pledge_is_accepted()
    {
        var contribution = Committed(Agreement with { Currency = "NOK", RateToUsd = 0.0951m, Amount = 40_000_000m, EarmarkedAreaNumber = null });

        Assert.Equal("NOK", contribution.CommittedCurrency);
        Assert.Equal("EUR", contribution.PledgedCurrency);
        Assert.Equal(3_804_000m, contribution.CommittedUsd);
        Assert.Null(contribution.EarmarkedAreaNumber);
    }

    [Fact]
    public void A_contribution_is_committed_only_once()
    {
        var contribution = Committed();
        var version = contribution.Version;

        var refused = Assert.Throws<DomainConflictException>(() => contribution.Commit(
            Agreement with { Amount = 9_000_000m }, FundingFixtures.ThematicAreas, Today, version, Fmu, Now));

        Assert.Contains("already committed on 2026-03-15", refused.Message, StringComparison.Ordinal);
        Assert.Equal(4_000_000m, contribution.CommittedAmount);
        Assert.Equal(version, contribution.Version);
    }

    [Theory]
    [InlineData(2026, 2, 9, "The agreement cannot be signed before the pledge (2026-02-10).")]
    [InlineData(2026, 11, 24, "The agreement is recorded once signed: its date cannot be in the future.")]
    public void An_agreement_signed_before_the_pledge_or_in_the_future_is_refused_and_nothing_changes(int year, int month,
        int day, string error)
    {
        var contribution = Pledged();
        var version = contribution.Version;

        var refused = Assert.Throws<InvalidChangeException>(() => contribution.Commit(
            Agreement with { SignedOn = new DateOnly(year, month, day) }, FundingFixtures.ThematicAreas, Today, version, Fmu, Now));

        Assert.Equal([error], refused.Errors["signedOn"]);
        Assert.Equal(ContributionStatus.Pledged, contribution.Status);
        Assert.Null(contribution.CommittedAmount);
        Assert.Equal(version, contribution.Version);
    }

    [Fact]
    public void An_agreement_signed_on_the_day_of_the_pledge_is_accepted()
    {
        var contribution = Committed(Agreement with { SignedOn = PledgedOn });

        Assert.Equal(PledgedOn, contribution.CommittedOn);
    }

    [Fact]
    public void An_earmark_to_an_unknown_thematic_area_is_refused()
    {
        var contribution = Pledged();

        var refused = Assert.Throws<InvalidChangeException>(() => contribution.Commit(
            Agreement with { EarmarkedAreaNumber = 9 }, FundingFixtures.ThematicAreas, Today, null, Fmu, Now));

        Assert.Equal(["There is no thematic area 9."], refused.Errors["earmarkedAreaNumber"]);
        Assert.Equal(ContributionStatus.Pledged, contribution.Status);
    }

    [Fact]
    public void A_commitment_in_an_unknown_currency_or_of_a_bad_amount_is_refused_naming_both_fields()
    {
        var contribution = Pledged();

        var refused = Assert.Throws<InvalidChangeException>(() => contribution.Commit(
            Agreement with { Currency = "XAU", Amount = 0m }, FundingFixtures.ThematicAreas, Today, null, Fmu, Now));

        Assert.Equal(["amount", "currency"], refused.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_commitment_based_on_a_stale_version_is_refused_as_a_conflict()
    {
        var contribution = Pledged();
        var version = contribution.Version;

        var refused = Assert.Throws<DomainConflictException>(() => contribution.Commit(
            Agreement, FundingFixtures.ThematicAreas, Today, Guid.NewGuid(), Fmu, Now));

        Assert.Contains("changed by someone else", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ContributionStatus.Pledged, contribution.Status);
        Assert.Equal(version, contribution.Version);
    }

    // Deposits

    [Fact]
    public void A_deposit_before_the_agreement_is_signed_is_refused()
    {
        var contribution = Pledged();

        Assert.Throws<DomainConflictException>(() => Receive(contribution, 100m, "AA-001"));

        Assert.Empty(contribution.Deposits);
        Assert.Equal(0m, contribution.DepositedAmount);
    }

    [Fact]
    public void Deposits_up_to_exactly_the_commitment_are_accepted()
    {
        var contribution = Committed();

        Receive(contribution, 1_500_000m, "AA-001", rate: 1.0733m);
        Receive(contribution, 2_499_999.99m, "AA-002", rate: 1.1177m);
        Receive(contribution, 0.01m, "AA-003", rate: 1.12m);

        Assert.Equal(4_000_000m, contribution.DepositedAmount);
        Assert.Equal(0m, contribution.OutstandingAmount);
        Assert.Equal(3, contribution.Deposits.Count);
    }

    [Fact]
    public void One_cent_above_the_commitment_is_refused_naming_the_amount_and_nothing_changes()
    {
        var contribution = Committed();
        Receive(contribution, 3_999_999.99m, "AA-001");
        var before = DepositState.Of(contribution);

        var refused = Assert.Throws<DomainConflictException>(() => Receive(contribution, 0.02m, "AA-002"));

        Assert.Equal([$"At most {0.01m:N2} EUR."], refused.Errors["amount"]);
        Assert.Contains($"at most {0.01m:N2} more", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, DepositState.Of(contribution));
        Assert.Equal(0.01m, contribution.OutstandingAmount);
    }

    [Fact]
    public void A_single_deposit_above_the_whole_commitment_is_refused()
    {
        var contribution = Committed();
        var before = DepositState.Of(contribution);

        var refused = Assert.Throws<DomainConflictException>(() => Receive(contribution, 4_000_000.01m, "AA-001"));

        Assert.Contains("amount", refused.Errors.Keys);
        Assert.Equal(before, DepositState.Of(contribution));
    }

    [Theory]
    [InlineData(2026, 3, 14, "A deposit cannot precede the agreement (2026-03-15).")]
    [InlineData(2026, 11, 24, "A deposit is recorded once received: its date cannot be in the future.")]
    public void A_deposit_dated_before_the_agreement_or_in_the_future_is_refused_and_nothing_changes(int year, int month,
        int day, string error)
    {
        var contribution = Committed();
        var before = DepositState.Of(contribution);

        var refused = Assert.Throws<InvalidChangeException>(() =>
            Receive(contribution, 100m, "AA-001", on: new DateOnly(year, month, day)));

        Assert.Equal([error], refused.Errors["receivedOn"]);
        Assert.Equal(before, DepositState.Of(contribution));
    }

    [Fact]
    public void Deposits_received_on_the_day_of_the_agreement_and_today_are_accepted()
    {
        var contribution = Committed();

        Receive(contribution, 100m, "AA-001", on: SignedOn);
        Receive(contribution, 100m, "AA-002", on: Today);

        Assert.Equal(200m, contribution.DepositedAmount);
    }

    [Fact]
    public void A_bank_reference_already_recorded_on_the_contribution_is_refused_whatever_its_case()
    {
        var contribution = Committed();
        Receive(contribution, 100m, "AA-2026-001");
        var before = DepositState.Of(contribution);

        var refused = Assert.Throws<DomainConflictException>(() => Receive(contribution, 50m, "  aa-2026-001 "));

        Assert.Contains("'aa-2026-001'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, DepositState.Of(contribution));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_deposit_without_a_bank_reference_is_refused(string reference)
    {
        var contribution = Committed();

        var refused = Assert.Throws<InvalidChangeException>(() => Receive(contribution, 100m, reference));

        Assert.Equal("reference", Assert.Single(refused.Errors).Key);
        Assert.Empty(contribution.Deposits);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-100")]
    [InlineData("99.999")]
    public void A_deposit_of_an_amount_that_is_not_positive_whole_cents_is_refused(string amount)
    {
        var contribution = Committed();

        var refused = Assert.Throws<InvalidChangeException>(() =>
            Receive(contribution, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "AA-001"));

        Assert.Equal("amount", Assert.Single(refused.Errors).Key);
        Assert.Empty(contribution.Deposits);
    }

    [Fact]
    public void A_deposit_against_a_usd_commitment_at_a_rate_other_than_one_is_refused()
    {
        var contribution = Committed(Agreement with { Currency = "USD", RateToUsd = 1m });

        var refused = Assert.Throws<InvalidChangeException>(() => Receive(contribution, 100m, "AA-001", rate: 1.1m));

        Assert.Equal("rateToUsd", Assert.Single(refused.Errors).Key);
    }

    [Fact]
    public void A_deposit_is_valued_at_the_rate_of_its_day_and_charged_the_fee_on_its_usd_value()
    {
        var contribution = Committed();

        var deposit = Receive(contribution, 1_234_567.89m, "AA-001", rate: 1.0733m);

        Assert.Equal(1_325_061.72m, deposit.AmountUsd); // 1,325,061.716337
        Assert.Equal(0.01m, deposit.FeeRate);
        Assert.Equal(13_250.62m, deposit.FeeUsd); // 13,250.6172
        Assert.Equal(1_311_811.10m, deposit.NetUsd);
        Assert.Equal(deposit.AmountUsd - deposit.FeeUsd, deposit.NetUsd);
    }

    [Fact]
    public void A_fee_of_half_a_cent_is_rounded_up()
    {
        var contribution = Committed(Agreement with { Currency = "USD", RateToUsd = 1m });

        var deposit = Receive(contribution, 1_250.50m, "AA-001", rate: 1m);

        Assert.Equal(1_250.50m, deposit.AmountUsd);
        Assert.Equal(12.51m, deposit.FeeUsd); // 12.505
        Assert.Equal(1_237.99m, deposit.NetUsd);
    }

    [Fact]
    public void The_deposits_add_up_to_the_cent_in_their_currency_and_in_usd()
    {
        var contribution = Committed();

        Receive(contribution, 1_234_567.89m, "AA-001", rate: 1.0733m);
        Receive(contribution, 1_000_000.01m, "AA-002", rate: 1.1177m);
        Receive(contribution, 333.33m, "AA-003", rate: 1.1m);

        Assert.Equal(2_234_901.23m, contribution.DepositedAmount);
        Assert.Equal(contribution.Deposits.Sum(d => d.Amount), contribution.DepositedAmount);
        Assert.Equal(1_325_061.72m + 1_117_700.01m + 366.66m, contribution.DepositedUsd);
        Assert.Equal(contribution.Deposits.Sum(d => d.AmountUsd), contribution.DepositedUsd);
        Assert.Equal(4_000_000m - 2_234_901.23m, contribution.OutstandingAmount);
    }

    [Fact]
    public void Deposits_are_numbered_from_one_in_the_commitment_s_currency()
    {
        var contribution = Committed(Agreement with { Currency = " gbp ", RateToUsd = 1.27m });

        var first = Receive(contribution, 100m, "AA-001", rate: 1.27m);
        var second = Receive(contribution, 100m, "AA-002", rate: 1.26m);
        var third = Receive(contribution, 100m, "AA-003", rate: 1.28m);

        Assert.Equal([1, 2, 3], [first.Number, second.Number, third.Number]);
        Assert.All(contribution.Deposits, d => Assert.Equal("GBP", d.Currency));
        Assert.All(contribution.Deposits, d => Assert.Equal(contribution.Id, d.ContributionId));
    }

    [Fact]
    public void Each_deposit_changes_the_version()
    {
        var contribution = Committed();
        var before = contribution.Version;

        Receive(contribution, 100m, "AA-001");

        Assert.NotEqual(before, contribution.Version);
        Assert.Equal(Now, contribution.UpdatedAt);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1)]
    public void A_fee_rate_outside_zero_to_one_is_a_programming_error_and_records_nothing(double feeRate)
    {
        var contribution = Committed();

        Assert.Throws<ArgumentOutOfRangeException>(() => contribution.RecordDeposit(
            new DepositReceipt(new DateOnly(2026, 4, 1), 100m, 1.1m, "AA-1"), (decimal)feeRate, Today, Fmu, Now));

        Assert.Empty(contribution.Deposits);
        Assert.Equal(0m, contribution.DepositedAmount);
    }
}
