namespace TrustFundManager.Domain.Results;

/// <summary>The rules an actual keeps: the indicator's kind, the narrative's length, and a breakdown that adds up.</summary>
internal static class ActualChecks
{
    public static void Check(Dictionary<string, string[]> errors, string path, ActualEntry entry, Indicator indicator)
    {
        if (entry.Actual.ProblemFor(indicator.Kind) is { } problem) errors[$"{path}.actual"] = [problem];
        if ((entry.Narrative?.Trim().Length ?? 0) > ProgressReport.NarrativeMaxLength)
            errors[$"{path}.narrative"] = [$"At most {ProgressReport.NarrativeMaxLength} characters."];
        if (entry.Breakdown is not { } breakdown) return;

        if (breakdown.HasSex)
            Pair(errors, $"{path}.breakdown.female", indicator.BySex, "sex", breakdown.Female, breakdown.Male, "female and male",
                entry.Actual.Number);
        if (breakdown.HasAge)
            Pair(errors, $"{path}.breakdown.children", indicator.ByAge, "age", breakdown.Children, breakdown.Adults,
                "children and adults", entry.Actual.Number);
    }

    private static void Pair(Dictionary<string, string[]> errors, string field, bool expected, string dimension,
        decimal? first, decimal? second, string names, decimal? actual)
    {
        if (!expected)
        {
            errors[field] = [$"The indicator is not broken down by {dimension}."];
            return;
        }
        if (first is not { } a || second is not { } b)
            errors[field] = [$"A breakdown by {dimension} gives both {names}."];
        else if (a < 0 || b < 0 || decimal.Round(a, IndicatorValue.NumberDecimals) != a
                 || decimal.Round(b, IndicatorValue.NumberDecimals) != b || a + b > 2 * IndicatorValue.NumberLimit)
            errors[field] = [$"The {names} figures are numbers of at most {IndicatorValue.NumberDecimals} decimals, not negative."];
        else if (actual is { } total && a + b != total)
            errors[field] = [$"The {names} figures ({a} + {b}) add up to the actual ({total})."];
    }
}
