using TrustFundManager.Domain.Common;

namespace TrustFundManager.Domain.Results;

/// <summary>The rules a results matrix draft keeps, each error named by its path in the draft.</summary>
internal static class ResultsMatrixChecks
{
    public static void Check(ResultsMatrixDraft draft, ResultsMatrixRules rules, ResultsMatrix current,
        Dictionary<string, string[]> errors)
    {
        if (draft.Outcomes.Count == 0) errors["outcomes"] = ["A results matrix has at least one outcome."];
        if (draft.Outcomes.Count > ResultsMatrix.MaxOutcomes)
            errors["outcomes"] = [$"A results matrix has at most {ResultsMatrix.MaxOutcomes} outcomes."];
        CheckIds(draft, current, errors);

        for (var o = 0; o < draft.Outcomes.Count; o++)
        {
            var outcome = draft.Outcomes[o];
            var path = $"outcomes[{o}]";
            Text(errors, $"{path}.statement", outcome.Statement, ResultsMatrix.StatementMaxLength, "An outcome states the change it seeks.");
            if (!rules.ThematicAreas.Contains(outcome.ThematicAreaNumber))
                errors[$"{path}.thematicAreaNumber"] = [$"{outcome.ThematicAreaNumber} is not one of the fund's thematic areas."];
            if (outcome.GcmObjectives.Count == 0)
                errors[$"{path}.gcmObjectives"] = ["An outcome names at least one GCM objective."];
            else if (outcome.GcmObjectives.Where(n => !rules.GcmObjectives.Contains(n)).ToList() is { Count: > 0 } unknown)
                errors[$"{path}.gcmObjectives"] = [$"Not GCM objectives: {string.Join(", ", unknown)}."];
            if (outcome.Indicators.Count + outcome.Outputs.Sum(p => p.Indicators.Count) == 0)
                errors[$"{path}.indicators"] = ["An outcome is measured by at least one indicator, of its own or of its outputs."];
            CheckIndicators(errors, $"{path}.indicators", outcome.Indicators, rules);

            if (outcome.Outputs.Count > ResultsMatrix.MaxOutputsPerOutcome)
                errors[$"{path}.outputs"] = [$"An outcome has at most {ResultsMatrix.MaxOutputsPerOutcome} outputs."];
            for (var p = 0; p < outcome.Outputs.Count; p++)
            {
                var output = outcome.Outputs[p];
                Text(errors, $"{path}.outputs[{p}].statement", output.Statement, ResultsMatrix.StatementMaxLength,
                    "An output states what the programme delivers.");
                CheckIndicators(errors, $"{path}.outputs[{p}].indicators", output.Indicators, rules);
            }
        }
    }

    /// <summary>An indicator with reported values stays, with its kind and its reporting organization.</summary>
    public static void CheckReportedIndicatorsKept(ResultsMatrixDraft draft, ResultsMatrixRules rules, ResultsMatrix current)
    {
        var drafted = AllIndicators(draft).Where(i => i.Id is not null).ToDictionary(i => i.Id!.Value);
        foreach (var indicator in current.Indicators.Where(i => rules.IndicatorsWithReportedValues.Contains(i.Id)))
        {
            if (!drafted.TryGetValue(indicator.Id, out var revised))
                throw new DomainConflictException(
                    $"The indicator '{indicator.Name}' has reported values and cannot be removed.");
            if (revised.Kind != indicator.Kind
                || !string.Equals(revised.Organization.Trim(), indicator.Organization, StringComparison.OrdinalIgnoreCase))
                throw new DomainConflictException(
                    $"The indicator '{indicator.Name}' has reported values: its kind and reporting organization cannot change.");
        }
    }

    private static void CheckIds(ResultsMatrixDraft draft, ResultsMatrix current, Dictionary<string, string[]> errors)
    {
        var outcomeIds = draft.Outcomes.Where(o => o.Id is not null).Select(o => o.Id!.Value).ToList();
        var outputIds = draft.Outcomes.SelectMany(o => o.Outputs).Where(o => o.Id is not null).Select(o => o.Id!.Value).ToList();
        var indicatorIds = AllIndicators(draft).Where(i => i.Id is not null).Select(i => i.Id!.Value).ToList();
        Known(errors, "outcomes", outcomeIds, current.Outcomes.Select(o => o.Id), "outcome");
        Known(errors, "outputs", outputIds, current.Outputs.Select(o => o.Id), "output");
        Known(errors, "indicators", indicatorIds, current.Indicators.Select(i => i.Id), "indicator");
    }

    private static void Known(Dictionary<string, string[]> errors, string field, List<Guid> ids, IEnumerable<Guid> existing,
        string what)
    {
        var known = existing.ToHashSet();
        var problems = new List<string>();
        if (ids.Where(id => !known.Contains(id)).ToList() is { Count: > 0 } unknown)
            problems.Add($"Not {what}s of this matrix: {string.Join(", ", unknown)}; leave the id out for a new one.");
        if (ids.Count != ids.Distinct().Count()) problems.Add($"Each {what} appears once.");
        if (problems.Count > 0) errors[field] = problems.ToArray();
    }

    private static void CheckIndicators(Dictionary<string, string[]> errors, string path, IReadOnlyList<IndicatorDraft> indicators,
        ResultsMatrixRules rules)
    {
        if (indicators.Count > ResultsMatrix.MaxIndicatorsPerResult)
            errors[path] = [$"A result has at most {ResultsMatrix.MaxIndicatorsPerResult} indicators."];
        for (var i = 0; i < indicators.Count; i++) CheckIndicator(errors, $"{path}[{i}]", indicators[i], rules);
    }

    private static void CheckIndicator(Dictionary<string, string[]> errors, string path, IndicatorDraft indicator,
        ResultsMatrixRules rules)
    {
        Text(errors, $"{path}.name", indicator.Name, ResultsMatrix.NameMaxLength, "An indicator has a name.");
        if (indicator.Kind == IndicatorKind.Quantitative)
            Text(errors, $"{path}.unit", indicator.Unit ?? string.Empty, ResultsMatrix.UnitMaxLength,
                "A quantitative indicator names its unit (people, percent, institutions...).");
        else
        {
            if (!string.IsNullOrWhiteSpace(indicator.Unit))
                errors[$"{path}.unit"] = ["A qualitative indicator has no unit."];
            if (indicator.BySex || indicator.ByAge)
                errors[$"{path}.bySex"] = ["Only a quantitative indicator is broken down by sex or age."];
        }
        if (indicator.Baseline.ProblemFor(indicator.Kind) is { } baseline) errors[$"{path}.baseline"] = [baseline];
        if (indicator.Target.ProblemFor(indicator.Kind) is { } target) errors[$"{path}.target"] = [target];
        if (indicator.TargetDate <= indicator.BaselineDate)
            errors[$"{path}.targetDate"] = ["The target date comes after the baseline date."];
        Text(errors, $"{path}.meansOfVerification", indicator.MeansOfVerification, ResultsMatrix.VerificationMaxLength,
            "An indicator says how it is verified (survey, register, report...).");
        if (!rules.Organizations.Contains(indicator.Organization.Trim().ToUpperInvariant()))
            errors[$"{path}.organization"] =
                [$"'{indicator.Organization}' is not a participating organization of this programme ({string.Join(", ", rules.Organizations.Order())})."];
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int maxLength, string required)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0) errors[field] = [required];
        else if (trimmed.Length > maxLength) errors[field] = [$"At most {maxLength} characters."];
    }

    private static IEnumerable<IndicatorDraft> AllIndicators(ResultsMatrixDraft draft) =>
        draft.Outcomes.SelectMany(o => o.Indicators.Concat(o.Outputs.SelectMany(p => p.Indicators)));
}
