using TrustFundManager.Domain.Funding;

namespace TrustFundManager.Domain.Tests.Funding;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("0.25", "0.5", "0.13")] // 0.125: half a cent goes up, not to the even 0.12
    [InlineData("-0.25", "0.5", "-0.13")] // and away from zero below it
    [InlineData("0.35", "0.5", "0.18")]
    [InlineData("1234567.89", "1.0733", "1325061.72")] // 1,325,061.716337
    [InlineData("5000000", "1.0825", "5412500")]
    [InlineData("100", "0.00004321", "0")] // 0.004321: less than half a cent is nothing
    public void A_usd_value_is_rounded_to_the_cent_half_away_from_zero(string amount, string rate, string usd) =>
        Assert.Equal(D(usd), Money.ToUsd(D(amount), D(rate)));

    [Fact]
    public void An_amount_in_whole_cents_up_to_the_maximum_has_no_problem()
    {
        Assert.Null(Money.AmountProblem(0.01m, "deposit"));
        Assert.Null(Money.AmountProblem(1_250.5m, "deposit"));
        Assert.Null(Money.AmountProblem(Money.MaxAmount, "deposit"));
    }

    [Theory]
    [InlineData("0", "The deposit must be above zero.")]
    [InlineData("-0.01", "The deposit must be above zero.")]
    [InlineData("10000000000.01", "The deposit is at most")]
    [InlineData("100.005", "The deposit is in whole cents (at most 2 decimals).")]
    public void An_amount_that_is_not_positive_whole_cents_within_the_maximum_has_a_problem(string amount, string problem) =>
        Assert.StartsWith(problem, Money.AmountProblem(D(amount), "deposit"));

    [Fact]
    public void A_rate_with_eight_decimals_and_usd_at_one_have_no_problem()
    {
        Assert.Null(Money.RateProblem(1.08347125m, "EUR"));
        Assert.Null(Money.RateProblem(0.00000001m, "IDR"));
        Assert.Null(Money.RateProblem(1m, Currencies.Usd));
    }

    [Theory]
    [InlineData("0", "EUR", "The rate to USD must be above zero")]
    [InlineData("-1.08", "EUR", "The rate to USD must be above zero")]
    [InlineData("100000.01", "KWD", "The rate to USD must be above zero")]
    [InlineData("1.083471251", "EUR", "The rate to USD has at most 8 decimals.")]
    [InlineData("1.1", "USD", "An amount in USD has a rate of 1.")]
    [InlineData("0.99999999", "USD", "An amount in USD has a rate of 1.")]
    public void A_rate_that_is_not_positive_with_eight_decimals_or_not_one_for_usd_has_a_problem(string rate, string currency,
        string problem) =>
        Assert.StartsWith(problem, Money.RateProblem(D(rate), currency));

    private static decimal D(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_share_of_nothing_has_no_ratio() => Assert.Null(Money.Ratio(150m, 0m));

    [Fact]
    public void A_ratio_keeps_four_decimals_rounded_half_away_from_zero()
    {
        Assert.Equal(0.3333m, Money.Ratio(300_000m, 900_000m));
        Assert.Equal(0.6667m, Money.Ratio(600_000m, 900_000m));
        Assert.Equal(0.1235m, Money.Ratio(1_234.5m, 10_000m)); // 0.12345
        Assert.Equal(1m, Money.Ratio(42.42m, 42.42m));
        Assert.Equal(0m, Money.Ratio(0m, 42.42m));
    }
}

public sealed class CurrenciesTests
{
    [Theory]
    [InlineData(" eur ", "EUR")]
    [InlineData("usd", "USD")]
    [InlineData("Chf", "CHF")]
    [InlineData("JPY", "JPY")]
    public void A_known_code_is_stored_in_upper_case(string code, string stored) =>
        Assert.Equal(stored, Currencies.Normalize(code));

    [Theory]
    [InlineData("ABC")] // not a currency
    [InlineData("XAU")] // gold: precious metals are left out
    [InlineData("XDR")] // special drawing rights are left out
    [InlineData("EURO")]
    [InlineData("")]
    [InlineData("   ")]
    public void An_unknown_code_is_not_a_currency(string code) => Assert.Null(Currencies.Normalize(code));

    [Fact]
    public void No_code_is_not_a_currency() => Assert.Null(Currencies.Normalize(null));
}
