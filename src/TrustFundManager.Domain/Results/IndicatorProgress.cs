namespace TrustFundManager.Domain.Results;

/// <summary>
/// How far a quantitative indicator's latest approved actual has come from its baseline towards its target.
/// <para>
/// The indicator is on track when the actual has reached the straight path from the baseline (on its date) to the
/// target (on its date) at the end of the period it was reported for: a programme halfway through its target period
/// should be halfway there. Where the target is below the baseline (fewer deaths, shorter detention) lower is better.
/// Qualitative indicators have no such measure: they are counted as reported, not as on track.
/// </para>
/// </summary>
public sealed record IndicatorProgress(decimal Expected, decimal? Achievement, bool OnTrack)
{
    /// <param name="baseline">The baseline value, on <paramref name="baselineDate"/>.</param>
    /// <param name="target">The target value, due on <paramref name="targetDate"/>.</param>
    /// <param name="actual">The latest approved actual, for a period ending on <paramref name="reportedFor"/>.</param>
    public static IndicatorProgress Assess(decimal baseline, DateOnly baselineDate, decimal target, DateOnly targetDate,
        decimal actual, DateOnly reportedFor)
    {
        var span = targetDate.DayNumber - baselineDate.DayNumber;
        var elapsed = Math.Clamp(reportedFor.DayNumber - baselineDate.DayNumber, 0, Math.Max(span, 0));
        var expected = span <= 0 ? target : baseline + (target - baseline) * elapsed / span;
        decimal? achievement = target == baseline ? null : decimal.Round((actual - baseline) / (target - baseline), 4);
        var onTrack = target >= baseline ? actual >= expected : actual <= expected;
        return new IndicatorProgress(decimal.Round(expected, IndicatorValue.NumberDecimals), achievement, onTrack);
    }
}
