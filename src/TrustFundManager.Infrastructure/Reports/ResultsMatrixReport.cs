using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.Results;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Infrastructure.Results;
using static TrustFundManager.Infrastructure.Reports.FieldKind;

namespace TrustFundManager.Infrastructure.Reports;

/// <summary>The programme a results matrix workbook is about, and where it stands.</summary>
public sealed record ResultsProgramme(Guid Id, string Title, string Country, int ThematicArea, string Status, DateOnly AllocatedOn,
    decimal AllocatedUsd, int Indicators, int WithActuals, int Measured, int OnTrack)
{
    public decimal? OnTrackShare => Measured == 0 ? null : decimal.Round((decimal)OnTrack / Measured, 4);
}

/// <summary>One indicator of the matrix, with the result it measures and its latest approved actual.</summary>
public sealed record ResultsMatrixRow(string Code, string Level, string Result, string Indicator, IndicatorKind Kind,
    string? Unit, string Organization, IndicatorValue Baseline, DateOnly BaselineDate, IndicatorValue Target, DateOnly TargetDate,
    ApprovedActual? Latest, IndicatorProgress? Progress, string MeansOfVerification);

/// <summary>A programme's results matrix workbook: the programme's standing, and every indicator with its latest actual.</summary>
public sealed class ResultsMatrixReport(TrustFundDbContext db, ResultsQueries results, ReportLayoutCatalog layouts)
{
    public const string Name = "results-matrix";

    public static readonly FigureDataset<ResultsProgramme> Summary = new("resultsProgramme",
        "The programme and how its indicators stand against their targets.",
        new("title", Text, p => p.Title),
        new("country", Text, p => p.Country),
        new("thematicArea", Integer, p => p.ThematicArea),
        new("status", Text, p => p.Status),
        new("allocatedOn", Date, p => p.AllocatedOn),
        new("allocatedUsd", Usd, p => p.AllocatedUsd),
        new("indicators", Integer, p => p.Indicators),
        new("withActuals", Integer, p => p.WithActuals),
        new("measured", Integer, p => p.Measured),
        new("onTrack", Integer, p => p.OnTrack),
        new("onTrackShare", Ratio, p => p.OnTrackShare));

    public static readonly TableDataset<ResultsMatrixRow> Indicators = new("resultsIndicators",
        "Every indicator in matrix order: the outcome or output it measures, baseline, target and the latest approved actual.",
        new("code", Text, r => r.Code),
        new("level", Text, r => r.Level),
        new("result", Text, r => r.Result),
        new("indicator", Text, r => r.Indicator),
        new("kind", Text, r => r.Kind.ToString()),
        new("unit", Text, r => r.Unit),
        new("organization", Text, r => r.Organization),
        new("baseline", Number, r => r.Baseline.Number),
        new("baselineDate", Date, r => r.BaselineDate),
        new("target", Number, r => r.Target.Number),
        new("targetDate", Date, r => r.TargetDate),
        new("actual", Number, r => r.Latest?.Value.Number),
        new("qualitative", Text, r => r.Kind == IndicatorKind.Qualitative
            ? $"{r.Baseline.Text} → {r.Target.Text}" + (r.Latest is { } latest ? $"; now: {latest.Value.Text}" : string.Empty)
            : null),
        new("actualPeriodEnd", Date, r => r.Latest?.PeriodEnd),
        new("approvedOn", Date, r => r.Latest?.ApprovedOn),
        new("female", Number, r => r.Latest?.Female),
        new("male", Number, r => r.Latest?.Male),
        new("expected", Number, r => r.Progress?.Expected),
        new("achievement", Ratio, r => r.Progress?.Achievement),
        new("onTrack", YesNo, r => r.Progress?.OnTrack),
        new("narrative", Text, r => r.Latest?.Narrative),
        new("meansOfVerification", Text, r => r.MeansOfVerification));

    public static readonly IReadOnlyList<IReportDataset> Datasets = [Summary, Indicators];

    /// <summary>The workbook of <paramref name="programmeId"/>, whose status (its workflow state's title) the caller gives.</summary>
    public async Task<ReportFile> BuildAsync(Guid programmeId, string status, DateTimeOffset now, CancellationToken ct)
    {
        var today = ReportValues.Day(now);
        var programme = await db.JointProgrammes.AsNoTracking().Where(p => p.Id == programmeId)
            .Select(p => new { p.Title, p.Country, p.ThematicAreaNumber, p.AllocatedOn, p.AllocatedUsd }).SingleAsync(ct);
        var matrix = await db.ResultsMatrices.AsNoTracking().WithItems().SingleOrDefaultAsync(m => m.ProgrammeId == programmeId, ct);
        var actuals = await results.LatestApprovedActualsAsync(programmeId, today, ct);
        var rows = matrix is null ? [] : Rows(matrix, actuals);

        var summary = new ResultsProgramme(programmeId, programme.Title, programme.Country, programme.ThematicAreaNumber, status,
            programme.AllocatedOn, programme.AllocatedUsd, rows.Count, rows.Count(r => r.Latest is not null),
            rows.Count(r => r.Progress is not null), rows.Count(r => r.Progress is { OnTrack: true }));
        return WorkbookWriter.Write(layouts.Get(Name), new ReportMoment(today, now),
            [new FigureSource<ResultsProgramme>(Summary, summary), new TableSource<ResultsMatrixRow>(Indicators, rows)]);
    }

    private static List<ResultsMatrixRow> Rows(ResultsMatrix matrix, IReadOnlyDictionary<Guid, ApprovedActual> actuals)
    {
        ResultsMatrixRow Row(Indicator i, string level, string result)
        {
            var latest = actuals.GetValueOrDefault(i.Id);
            return new ResultsMatrixRow(matrix.CodeOf(i), level, result, i.Name, i.Kind, i.Unit, i.Organization, i.Baseline,
                i.BaselineDate, i.Target, i.TargetDate, latest, ResultsQueries.ProgressOf(i, latest), i.MeansOfVerification);
        }
        return matrix.Outcomes.OrderBy(o => o.Position).SelectMany(outcome =>
            matrix.IndicatorsOfOutcome(outcome).Select(i => Row(i, "Outcome", $"{outcome.Code} {outcome.Statement}"))
                .Concat(matrix.OutputsOf(outcome).SelectMany(output => matrix.IndicatorsOfOutput(output)
                    .Select(i => Row(i, "Output", $"{matrix.CodeOf(output)} {output.Statement}")))))
            .ToList();
    }
}
