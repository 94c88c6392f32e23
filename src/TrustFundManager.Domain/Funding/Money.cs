namespace TrustFundManager.Domain.Funding;

/// <summary>
/// The fund's rules for amounts: every amount is in whole cents of its currency, USD values are converted at the
/// rate of the day and rounded to the cent half away from zero, and each figure keeps the rate it was converted at.
/// </summary>
public static class Money
{
    /// <summary>No single contribution, deposit, allocation or transfer comes near this.</summary>
    public const decimal MaxAmount = 10_000_000_000m;

    /// <summary>Exchange rates (units of USD per unit of currency) keep up to this many decimals.</summary>
    public const int RateDecimals = 8;
    public const decimal MaxRate = 100_000m;

    public static bool IsCents(decimal amount) => decimal.Round(amount, 2) == amount;

    public static decimal Cents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>The USD value of <paramref name="amount"/> at <paramref name="rateToUsd"/>, to the cent.</summary>
    public static decimal ToUsd(decimal amount, decimal rateToUsd) => Cents(amount * rateToUsd);

    /// <summary>What is wrong with an amount that must be positive whole cents, or null.</summary>
    public static string? AmountProblem(decimal amount, string what) =>
        amount <= 0 ? $"The {what} must be above zero."
        : amount > MaxAmount ? $"The {what} is at most {MaxAmount:N0}."
        : !IsCents(amount) ? $"The {what} is in whole cents (at most 2 decimals)."
        : null;

    /// <summary>What is wrong with an exchange rate to USD, or null.</summary>
    public static string? RateProblem(decimal rate, string currency) =>
        rate <= 0 || rate > MaxRate ? $"The rate to USD must be above zero and at most {MaxRate:N0}."
        : decimal.Round(rate, RateDecimals) != rate ? $"The rate to USD has at most {RateDecimals} decimals."
        : currency == Currencies.Usd && rate != 1 ? "An amount in USD has a rate of 1."
        : null;

    /// <summary>A share of a whole as a ratio with 4 decimals (0.1234 is 12.34%), or null when the whole is zero.</summary>
    public static decimal? Ratio(decimal part, decimal whole) =>
        whole == 0 ? null : decimal.Round(part / whole, 4, MidpointRounding.AwayFromZero);
}
