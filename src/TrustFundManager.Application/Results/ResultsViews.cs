using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Funding;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.Results;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Infrastructure.Results;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Application.Results;

internal sealed record VisibleProgramme(JointProgramme Programme, WorkflowInstance Instance);

internal sealed record VisibleReport(ProgressReport Report, WorkflowInstance Instance);

/// <summary>
/// A programme's results matrix and progress reports as the caller may see them: a programme to whoever may see the
/// programme, a report to whoever its own workflow shows it to; and how both are shown.
/// </summary>
internal static class ResultsViews
{
    public static string ProgrammeHref(Guid programmeId) => JointProgrammeViews.Href(programmeId);

    public static string MatrixHref(Guid programmeId) => $"{ProgrammeHref(programmeId)}/results";
    public static string ReportsHref(Guid programmeId) => $"{ProgrammeHref(programmeId)}/progress-reports";
    public static string ReportHref(Guid reportId) => $"/api/progress-reports/{reportId}";

    /// <summary>The programme with its budget (its organizations), if the caller may see it.</summary>
    /// <exception cref="NotFoundException">There is none, or the caller may not see it.</exception>
    public static async Task<VisibleProgramme> FindProgrammeAsync(Guid id, WorkflowActor actor, WorkflowSubjects subjects,
        TrustFundDbContext db, CancellationToken ct)
    {
        // Lighter than JointProgrammeViews.FindVisibleAsync: the results need the budget's organizations only.
        var instance = await subjects.FindVisibleAsync(JointProgrammeStatus.WorkflowId, id, actor, tracked: false,
            JointProgrammeViews.NotFound(id).Message, ct);
        var programme = await db.JointProgrammes.AsNoTracking().Include(p => p.Budget).SingleOrDefaultAsync(p => p.Id == id, ct)
                        ?? throw JointProgrammeViews.NotFound(id);
        return new VisibleProgramme(programme, instance);
    }

    /// <summary>The report with its values, if the caller may see it.</summary>
    /// <exception cref="NotFoundException">There is none, or the caller may not see it.</exception>
    public static async Task<VisibleReport> FindReportAsync(Guid id, WorkflowActor actor, bool tracked,
        WorkflowSubjects subjects, TrustFundDbContext db, CancellationToken ct)
    {
        var notFound = $"There is no progress report {id}.";
        var instance = await subjects.FindVisibleAsync(ProgressReportStatus.WorkflowId, id, actor, tracked, notFound, ct);
        var reports = tracked ? db.ProgressReports : db.ProgressReports.AsNoTracking();
        var report = await reports.Include(r => r.Values).SingleOrDefaultAsync(r => r.Id == id, ct)
                     ?? throw new NotFoundException(notFound);
        return new VisibleReport(report, instance);
    }

    public static ResultsMatrixResponse DescribeMatrix(VisibleProgramme visible, ResultsMatrix? matrix,
        IReadOnlyDictionary<Guid, ApprovedActual> actuals, WorkflowEngine engine)
    {
        var (programme, instance) = visible;
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
        var state = engine.DefinitionOf(instance).State(instance.State);
        return new ResultsMatrixResponse(programme.Id, programme.Title,
            new ProgrammeStatusResponse(state.Name, state.Title, state.Terminal),
            ResultsMatrix.IsEditableIn(instance.State), matrix?.Version == Guid.Empty ? null : matrix?.Version,
            matrix?.UpdatedAt, matrix?.UpdatedBy, outcomes,
            new ResultsMatrixLinks(MatrixHref(programme.Id), ProgrammeHref(programme.Id), ReportsHref(programme.Id)));
    }

    public static ReportStatusResponse StatusOf(WorkflowEngine engine, WorkflowInstance instance)
    {
        var state = engine.DefinitionOf(instance).State(instance.State);
        return new ReportStatusResponse(state.Name, state.Title);
    }

    public static async Task<ProgressReportResponse> DescribeReportAsync(VisibleReport visible, WorkflowActor actor,
        TrustFundDbContext db, WorkflowEngine engine, CancellationToken ct)
    {
        var (report, instance) = visible;
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
            new ProgressReportLinks(ReportHref(report.Id), ProgrammeHref(report.ProgrammeId),
                MatrixHref(report.ProgrammeId), $"{ReportHref(report.Id)}/history"));
    }

    private static BreakdownRequest? Breakdown(decimal? female, decimal? male, decimal? children, decimal? adults) =>
        female is null && male is null && children is null && adults is null ? null : new BreakdownRequest(female, male, children, adults);
}
