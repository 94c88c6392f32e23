using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Application.Funding;
using TrustFundManager.Domain.Results;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Infrastructure.Results;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Api.Results;

public sealed record LoadedReport(ProgressReport Report, WorkflowInstance Instance);

/// <summary>Reading a programme's results matrix and progress reports as the caller may see them, and showing them.</summary>
public static class ResultsViews
{
    public static string MatrixHref(Guid programmeId) => $"{JointProgrammeViews.Href(programmeId)}/results";
    public static string ReportsHref(Guid programmeId) => $"{JointProgrammeViews.Href(programmeId)}/progress-reports";
    public static string ReportHref(Guid reportId) => $"/api/progress-reports/{reportId}";

    public static ProblemHttpResult ReportNotFound(Guid id) => ApiProblems.NotFound($"There is no progress report {id}.");

    public static IQueryable<WorkflowInstance> ReportInstances(TrustFundDbContext db) =>
        db.WorkflowInstances.Where(i => i.DefinitionId == ProgressReportStatus.WorkflowId);

    /// <summary>The report with its values, or null when the caller may not see it.</summary>
    public static async Task<LoadedReport?> FindVisibleReportAsync(Guid id, WorkflowActor actor, TrustFundDbContext db,
        WorkflowEngine engine, bool tracked, CancellationToken ct)
    {
        var instances = tracked ? ReportInstances(db) : ReportInstances(db).AsNoTracking();
        var instance = await instances.SingleOrDefaultAsync(i => i.SubjectId == id, ct);
        if (instance is null || !actor.CanSee(engine.DefinitionOf(instance), instance)) return null;
        var reports = tracked ? db.ProgressReports : db.ProgressReports.AsNoTracking();
        var report = await reports.Include(r => r.Values).SingleOrDefaultAsync(r => r.Id == id, ct);
        return report is null ? null : new LoadedReport(report, instance);
    }

    public static ResultsMatrixResponse DescribeMatrix(LoadedProgramme loaded, ResultsMatrix? matrix,
        IReadOnlyDictionary<Guid, ApprovedActual> actuals, WorkflowEngine engine)
    {
        var (programme, instance) = loaded;
        IndicatorView Indicator(ResultsMatrix m, Indicator i)
        {
            var latest = actuals.GetValueOrDefault(i.Id);
            return new IndicatorView(i.Id, m.CodeOf(i), i.Name, i.Kind, i.Unit, IndicatorValues.ToJson(i.Baseline), i.BaselineDate,
                IndicatorValues.ToJson(i.Target), i.TargetDate, i.BySex, i.ByAge, i.MeansOfVerification, i.Organization,
                latest is null ? null : new ActualView(IndicatorValues.ToJson(latest.Value), latest.Narrative,
                    Breakdown(latest.Female, latest.Male, latest.Children, latest.Adults), latest.PeriodStart, latest.PeriodEnd,
                    latest.ApprovedOn, ReportHref(latest.ReportId)),
                ResultsQueries.ProgressOf(i, latest));
        }
        var outcomes = matrix?.Outcomes.OrderBy(o => o.Position).Select(o => new OutcomeView(o.Id, o.Code, o.Statement,
            o.ThematicAreaNumber, o.GcmObjectives.ToList(),
            matrix.IndicatorsOfOutcome(o).Select(i => Indicator(matrix, i)).ToList(),
            matrix.OutputsOf(o).Select(p => new OutputView(p.Id, matrix.CodeOf(p), p.Statement,
                matrix.IndicatorsOfOutput(p).Select(i => Indicator(matrix, i)).ToList())).ToList())).ToList() ?? [];
        return new ResultsMatrixResponse(programme.Id, programme.Title, JointProgrammeViews.StatusOf(engine, instance),
            ResultsMatrix.IsEditableIn(instance.State), matrix?.Version == Guid.Empty ? null : matrix?.Version,
            matrix?.UpdatedAt, matrix?.UpdatedBy, outcomes,
            new ResultsMatrixLinks(MatrixHref(programme.Id), JointProgrammeViews.Href(programme.Id), ReportsHref(programme.Id)));
    }

    public static ReportStatusResponse StatusOf(WorkflowEngine engine, WorkflowInstance instance)
    {
        var state = engine.DefinitionOf(instance).State(instance.State);
        return new ReportStatusResponse(state.Name, state.Title);
    }

    public static async Task<ProgressReportResponse> DescribeReportAsync(LoadedReport loaded, WorkflowActor actor,
        TrustFundDbContext db, WorkflowEngine engine, CancellationToken ct)
    {
        var (report, instance) = loaded;
        var programmeTitle = await db.JointProgrammes.Where(p => p.Id == report.ProgrammeId).Select(p => p.Title).SingleAsync(ct);
        var matrix = await db.ResultsMatrices.AsNoTracking().WithItems().SingleOrDefaultAsync(m => m.ProgrammeId == report.ProgrammeId, ct);
        var indicators = matrix?.IndicatorsInOrder().Where(i => i.Organization == report.Organization).ToList() ?? [];
        var lines = indicators.Select(i =>
        {
            var value = report.Values.SingleOrDefault(v => v.IndicatorId == i.Id);
            return new ReportLineView(i.Id, $"{matrix!.CodeOf(i)} {i.Name}", i.Kind, i.Unit, IndicatorValues.ToJson(i.Baseline),
                IndicatorValues.ToJson(i.Target), i.BySex, i.ByAge, value is null ? null : IndicatorValues.ToJson(value.Actual),
                value?.Narrative, value is null ? null : Breakdown(value.Female, value.Male, value.Children, value.Adults));
        }).ToList();
        var actions = await engine.AvailableActionsAsync(instance, actor, ct);
        return new ProgressReportResponse(report.Id, report.ProgrammeId, programmeTitle, report.Organization, report.PeriodStart,
            report.PeriodEnd, StatusOf(engine, instance), instance.State == ProgressReportStatus.Approved, report.SubmittedOn,
            report.ApprovedOn, report.ApprovedBy, report.ReturnComment, lines,
            actions.Select(a => new ReportActionView(a.Action.Name, a.Action.Title, a.Action.CommentRequired, a.BlockedBy)).ToList(),
            report.Version, instance.Id,
            new ProgressReportLinks(ReportHref(report.Id), JointProgrammeViews.Href(report.ProgrammeId),
                MatrixHref(report.ProgrammeId), $"{ReportHref(report.Id)}/history"));
    }

    private static BreakdownRequest? Breakdown(decimal? female, decimal? male, decimal? children, decimal? adults) =>
        female is null && male is null && children is null && adults is null ? null : new BreakdownRequest(female, male, children, adults);
}
