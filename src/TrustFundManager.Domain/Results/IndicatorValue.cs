using System.Globalization;

namespace TrustFundManager.Domain.Results;

public enum IndicatorKind
{
    /// <summary>Measured as a number in the indicator's unit: baseline, target and actuals are numbers only.</summary>
    Quantitative,

    /// <summary>Described in words: baseline, target and actuals are text.</summary>
    Qualitative,
}

/// <summary>
/// A baseline, target or actual: a number for a quantitative indicator, a text for a qualitative one, never both.
/// </summary>
public readonly record struct IndicatorValue(decimal? Number, string? Text)
{
    public const int TextMaxLength = 1000;

    /// <summary>Numbers are kept to 4 decimals: enough for rates and shares, exact in every database.</summary>
    public const int NumberDecimals = 4;

    public const decimal NumberLimit = 1_000_000_000_000m;

    public static IndicatorValue Of(decimal number) => new(number, null);

    public static IndicatorValue Of(string text) => new(null, text);

    public bool IsEmpty => Number is null && string.IsNullOrWhiteSpace(Text);

    /// <summary>What is wrong with the value for an indicator of <paramref name="kind"/>, or null.</summary>
    public string? ProblemFor(IndicatorKind kind)
    {
        if (IsEmpty) return "A value is required.";
        if (Number is not null && Text is not null) return "A value is a number or a text, not both.";
        if (kind == IndicatorKind.Quantitative)
        {
            if (Number is not { } number)
                return $"A quantitative indicator takes numbers only, not '{Text}'.";
            if (Math.Abs(number) > NumberLimit) return $"The number is at most {NumberLimit:N0} in size.";
            if (decimal.Round(number, NumberDecimals) != number) return $"The number has at most {NumberDecimals} decimals.";
            return null;
        }
        if (Text is null) return "A qualitative indicator is described in words, not by a number.";
        if (Text.Trim().Length > TextMaxLength) return $"The text is at most {TextMaxLength} characters.";
        return null;
    }

    public IndicatorValue Trimmed() => Text is null ? this : new IndicatorValue(null, Text.Trim());

    public override string ToString() =>
        Number?.ToString(CultureInfo.InvariantCulture) ?? Text ?? string.Empty;
}
