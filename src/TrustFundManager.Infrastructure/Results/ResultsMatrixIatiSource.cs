using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.Results;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Infrastructure.Iati;

namespace TrustFundManager.Infrastructure.Results;

/// <summary>
/// Publishes each programme's results matrix: an outcome result (type 2) with the outcome's own indicators and an
/// output result (type 1) per output. Each indicator has its baseline and one period, from the baseline date to the
/// target date, holding the target and the latest actual the FMU approved (with the period it was reported for);
/// actuals not yet approved are never published.
/// </summary>
public sealed class ResultsMatrixIatiSource(TrustFundDbContext db, ResultsQueries results, TimeProvider time) : IIatiResultsSource
{
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<IatiResult>>> ResultsByProgrammeAsync(
        IReadOnlyCollection<Guid> programmeIds, CancellationToken ct)
    {
        var matrices = await db.ResultsMatrices.AsNoTracking().WithItems()
            .Where(m => programmeIds.Contains(m.ProgrammeId)).ToListAsync(ct);
        var actuals = await results.LatestApprovedActualsAsync(null, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), ct);
        return matrices.ToDictionary(m => m.ProgrammeId, m => Results(m, actuals));
    }

    private static IReadOnlyList<IatiResult> Results(ResultsMatrix matrix, IReadOnlyDictionary<Guid, ApprovedActual> actuals)
    {
        var list = new List<IatiResult>();
        foreach (var outcome in matrix.Outcomes.OrderBy(o => o.Position))
        {
            list.Add(new IatiResult(IatiResultType.Outcome, $"Outcome {outcome.Code}: {outcome.Statement}", null,
                Indicators(matrix.IndicatorsOfOutcome(outcome), actuals)));
            foreach (var output in matrix.OutputsOf(outcome))
                list.Add(new IatiResult(IatiResultType.Output, $"Output {matrix.CodeOf(output)}: {output.Statement}", null,
                    Indicators(matrix.IndicatorsOfOutput(output), actuals)));
        }
        return list;
    }

    private static List<IatiIndicator> Indicators(IEnumerable<Indicator> indicators, IReadOnlyDictionary<Guid, ApprovedActual> actuals) =>
        indicators.Select(i =>
        {
            var latest = actuals.GetValueOrDefault(i.Id);
            var quantitative = i.Kind == IndicatorKind.Quantitative;
            var actualComment = latest is null
                ? null
                : $"Reported for {latest.PeriodStart:yyyy-MM-dd} to {latest.PeriodEnd:yyyy-MM-dd}" +
                  (quantitative ? string.Empty : $": {latest.Value.Text}") +
                  (latest.Narrative.Length > 0 ? $". {latest.Narrative}" : string.Empty);
            return new IatiIndicator(quantitative ? $"{i.Name} ({i.Unit})" : i.Name, $"Means of verification: {i.MeansOfVerification}",
                Measure(i), quantitative ? i.TargetNumber >= i.BaselineNumber : null,
                new IatiBaseline(i.BaselineDate.Year, i.BaselineDate, i.BaselineNumber, i.BaselineText),
                [new IatiIndicatorPeriod(i.BaselineDate, i.TargetDate, i.TargetNumber, i.TargetText, latest?.Value.Number, actualComment)]);
        }).ToList();

    private static IatiIndicatorMeasure Measure(Indicator indicator) => indicator switch
    {
        { Kind: IndicatorKind.Qualitative } => IatiIndicatorMeasure.Qualitative,
        { Unit: "%" or "percent" or "per cent" or "percentage" } => IatiIndicatorMeasure.Percentage,
        _ => IatiIndicatorMeasure.Unit,
    };
}
