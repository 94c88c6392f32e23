using TrustFundManager.Domain.Common;

namespace TrustFundManager.Domain.Results;

/// <summary>
/// Who changes an indicator: the organization that reports it, or the FMU. An indicator with approved values keeps
/// what it measures (name, unit, baseline, target) unless the FMU changes it and says why.
/// </summary>
public static class IndicatorOwnership
{
    /// <summary>
    /// Why <paramref name="organization"/> may not make this revision, or null when it may: every other organization's
    /// indicator comes back as it was, what it adds or keeps is its own, and it leaves what approved values measure alone.
    /// </summary>
    public static string? RefusalFor(string organization, ResultsMatrixDraft draft, ResultsMatrix current,
        IReadOnlySet<Guid> indicatorsWithApprovedValues)
    {
        var drafted = Drafted(draft);
        foreach (var indicator in current.Indicators.Where(i => !Same(i.Organization, organization)))
        {
            if (!drafted.TryGetValue(indicator.Id, out var revised))
                return $"The indicator '{indicator.Name}' is reported by {indicator.Organization}: only it or the FMU removes it.";
            if (!Unchanged(indicator, revised))
                return $"The indicator '{indicator.Name}' is reported by {indicator.Organization}: only it or the FMU changes it.";
        }

        var mine = current.Indicators.Where(i => Same(i.Organization, organization)).Select(i => i.Id).ToHashSet();
        foreach (var kept in All(draft).Where(i => i.Id is null || mine.Contains(i.Id.Value)))
            if (!Same(kept.Organization, organization))
                return $"An organization adds and keeps only the indicators it reports ({organization}), not '{kept.Name}' for {kept.Organization}.";

        return LockedChanges(draft, current, indicatorsWithApprovedValues) is { Count: > 0 } locked
            ? $"'{Names(locked)}' has approved values: what it measures (name, unit, baseline, target) changes only by the FMU, with a reason."
            : null;
    }

    /// <summary>The indicators with approved values whose name, unit, baseline or target the draft changes.</summary>
    public static IReadOnlyList<Indicator> LockedChanges(ResultsMatrixDraft draft, ResultsMatrix current,
        IReadOnlySet<Guid> indicatorsWithApprovedValues)
    {
        var drafted = Drafted(draft);
        return current.Indicators
            .Where(i => indicatorsWithApprovedValues.Contains(i.Id) && drafted.TryGetValue(i.Id, out var revised)
                        && !DefinitionUnchanged(i, revised))
            .ToList();
    }

    /// <summary>Refuses a change to what approved values measure without a reason.</summary>
    internal static void RequireReason(ResultsMatrixDraft draft, ResultsMatrix current, IReadOnlySet<Guid> approved)
    {
        if (LockedChanges(draft, current, approved) is { Count: > 0 } locked && string.IsNullOrWhiteSpace(draft.Reason))
            throw new InvalidChangeException("reason",
                $"'{Names(locked)}' has approved values: say why its name, unit, baseline or target changes.");
    }

    public static string Names(IEnumerable<Indicator> indicators) => string.Join("', '", indicators.Select(i => i.Name));

    private static Dictionary<Guid, IndicatorDraft> Drafted(ResultsMatrixDraft draft) =>
        All(draft).Where(i => i.Id is not null).GroupBy(i => i.Id!.Value).ToDictionary(g => g.Key, g => g.First());

    private static IEnumerable<IndicatorDraft> All(ResultsMatrixDraft draft) =>
        draft.Outcomes.SelectMany(o => o.Indicators.Concat(o.Outputs.SelectMany(p => p.Indicators)));

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool DefinitionUnchanged(Indicator current, IndicatorDraft revised) =>
        current.Name == revised.Name.Trim()
        && current.Unit == (revised.Kind == IndicatorKind.Quantitative ? revised.Unit?.Trim() : null)
        && current.Baseline == revised.Baseline.Trimmed()
        && current.Target == revised.Target.Trimmed();

    private static bool Unchanged(Indicator current, IndicatorDraft revised) =>
        DefinitionUnchanged(current, revised)
        && current.Kind == revised.Kind
        && current.BaselineDate == revised.BaselineDate
        && current.TargetDate == revised.TargetDate
        && current.BySex == revised.BySex
        && current.ByAge == revised.ByAge
        && current.MeansOfVerification == revised.MeansOfVerification.Trim()
        && Same(current.Organization, revised.Organization);
}
