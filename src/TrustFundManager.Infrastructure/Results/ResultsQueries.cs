using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.Results;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Infrastructure.Results;

/// <summary>Approved actuals and the fund's results summary.</summary>
public sealed class ResultsQueries(TrustFundDbContext db)
{
    /// <summary>
    /// Each indicator's latest approved actual (the approved report with the latest period), for the indicators of
    /// <paramref name="programmeId"/> or of every programme. An organization's periods never overlap, so the latest
    /// is one report.
    /// </summary>
    public async Task<Dictionary<Guid, ApprovedActual>> LatestApprovedActualsAsync(Guid? programmeId, DateOnly asOf,
        CancellationToken ct)
    {
        var approved =
            from value in db.ReportedValues.AsNoTracking()
            join report in db.ProgressReports.AsNoTracking() on value.ReportId equals report.Id
            where report.ApprovedOn != null && report.ApprovedOn <= asOf
                  && (programmeId == null || report.ProgrammeId == programmeId)
            select new { value, report };
        var latestPeriods =
            from row in approved
            group row.report.PeriodEnd by row.value.IndicatorId into g
            select new { IndicatorId = g.Key, PeriodEnd = g.Max() };
        var rows = await (
            from row in approved
            join latest in latestPeriods on new { row.value.IndicatorId, row.report.PeriodEnd }
                equals new { latest.IndicatorId, latest.PeriodEnd }
            select new
            {
                row.value.IndicatorId,
                row.report.Id,
                row.report.PeriodStart,
                row.report.PeriodEnd,
                ApprovedOn = row.report.ApprovedOn!.Value,
                row.value.ActualNumber,
                row.value.ActualText,
                row.value.Narrative,
                row.value.Female,
                row.value.Male,
                row.value.Children,
                row.value.Adults,
            }).ToListAsync(ct);
        return rows.ToDictionary(r => r.IndicatorId, r => new ApprovedActual(r.Id, r.PeriodStart, r.PeriodEnd, r.ApprovedOn,
            new IndicatorValue(r.ActualNumber, r.ActualText), r.Narrative, r.Female, r.Male, r.Children, r.Adults));
    }

    /// <summary>An indicator's standing: its latest approved actual and, for a number, its progress to the target.</summary>
    public static IndicatorProgress? ProgressOf(Indicator indicator, ApprovedActual? latest) =>
        ProgressOf(indicator.Kind, indicator.Baseline, indicator.BaselineDate, indicator.Target, indicator.TargetDate, latest);

    private static IndicatorProgress? ProgressOf(IndicatorKind kind, IndicatorValue baseline, DateOnly baselineDate,
        IndicatorValue target, DateOnly targetDate, ApprovedActual? latest) =>
        kind == IndicatorKind.Quantitative && latest?.Value.Number is { } actual
        && baseline.Number is { } from && target.Number is { } to
            ? IndicatorProgress.Assess(from, baselineDate, to, targetDate, actual, latest.PeriodEnd)
            : null;

    /// <summary>The fund's results as of <paramref name="asOf"/>: actuals approved by then, grouped by area and objective.</summary>
    public async Task<ResultsSummary> SummaryAsync(DateOnly asOf, CancellationToken ct)
    {
        var indicators = await (
            from indicator in db.Indicators.AsNoTracking()
            join outcome in db.Set<Outcome>().AsNoTracking() on indicator.OutcomeId equals outcome.Id
            join programme in db.JointProgrammes.AsNoTracking() on indicator.ProgrammeId equals programme.Id
            orderby programme.AllocatedOn, programme.Id, outcome.Position, indicator.OutputId, indicator.Position
            select new
            {
                indicator.Id,
                indicator.ProgrammeId,
                ProgrammeTitle = programme.Title,
                indicator.OutcomeId,
                outcome.ThematicAreaNumber,
                outcome.GcmObjectives,
                indicator.Name,
                indicator.Kind,
                indicator.Unit,
                indicator.Organization,
                indicator.BaselineNumber,
                indicator.BaselineText,
                indicator.BaselineDate,
                indicator.TargetNumber,
                indicator.TargetText,
                indicator.TargetDate,
            }).ToListAsync(ct);
        var actuals = await LatestApprovedActualsAsync(null, asOf, ct);

        var rows = indicators.Select(i =>
        {
            var baseline = new IndicatorValue(i.BaselineNumber, i.BaselineText);
            var target = new IndicatorValue(i.TargetNumber, i.TargetText);
            var latest = actuals.GetValueOrDefault(i.Id);
            return (Area: i.ThematicAreaNumber, Objectives: i.GcmObjectives, i.OutcomeId, Result: new IndicatorResult(
                i.ProgrammeId, i.ProgrammeTitle, i.Id, i.Name, i.Kind, i.Unit, i.Organization, baseline, i.BaselineDate,
                target, i.TargetDate, latest, ProgressOf(i.Kind, baseline, i.BaselineDate, target, i.TargetDate, latest)));
        }).ToList();

        var areas = await db.ThematicAreas.AsNoTracking().OrderBy(a => a.Number).Select(a => new { a.Number, a.Title })
            .ToListAsync(ct);
        var objectives = await db.GcmObjectives.AsNoTracking().OrderBy(o => o.Number).Select(o => new { o.Number, o.Title })
            .ToListAsync(ct);
        return new ResultsSummary(asOf,
            Group(null, "All programmes", rows.Select(r => (r.OutcomeId, r.Result))),
            areas.Select(a => Group(a.Number, a.Title, rows.Where(r => r.Area == a.Number).Select(r => (r.OutcomeId, r.Result))))
                .ToList(),
            objectives.Select(o => Group(o.Number, o.Title,
                rows.Where(r => r.Objectives.Contains(o.Number)).Select(r => (r.OutcomeId, r.Result)))).ToList());
    }

    private static ResultsGroup Group(int? number, string title, IEnumerable<(Guid OutcomeId, IndicatorResult Result)> rows)
    {
        var list = rows.ToList();
        var results = list.Select(r => r.Result).ToList();
        var measured = results.Count(r => r.Progress is not null);
        var onTrack = results.Count(r => r.Progress is { OnTrack: true });
        return new ResultsGroup(number, title,
            results.Select(r => r.ProgrammeId).Distinct().Count(),
            list.Select(r => r.OutcomeId).Distinct().Count(),
            results.Count,
            results.Count(r => r.Kind == IndicatorKind.Quantitative),
            results.Count(r => r.Latest is not null),
            measured,
            onTrack,
            measured == 0 ? null : decimal.Round((decimal)onTrack / measured, 4),
            results.Where(r => r.Latest is not null).ToList());
    }
}

public static class ResultsMatrixQueries
{
    /// <summary>A matrix with its outcomes, outputs and indicators.</summary>
    public static IQueryable<ResultsMatrix> WithItems(this IQueryable<ResultsMatrix> matrices) =>
        matrices.Include(m => m.Outcomes).Include(m => m.Outputs).Include(m => m.Indicators).AsSplitQuery();
}
