using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Domain.Results;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Application.Results;

/// <summary>
/// Progress reports against a programme's indicators: a participating organization opens, fills in and submits its
/// own; the FMU approves or returns them; each is seen by whoever its workflow shows it to.
/// </summary>
public sealed class ProgressReportUseCases(TrustFundDbContext db, WorkflowEngine engine, WorkflowSubjects subjects,
    WorkflowActions actions, TimeProvider time)
{
    /// <summary>The programme's reports the caller may see, latest period first.</summary>
    public async Task<List<ProgressReportSummary>> ListAsync(Guid programmeId, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        await ResultsViews.FindProgrammeAsync(programmeId, actor, subjects, db, ct);
        var rows = await (
            from report in db.ProgressReports.AsNoTracking()
            join instance in subjects.VisibleTo(ProgressReportStatus.WorkflowId, actor) on report.Id equals instance.SubjectId
            where report.ProgrammeId == programmeId
            orderby report.PeriodEnd descending, report.Organization
            select new { report, instance }).ToListAsync(ct);
        return rows.Select(r => new ProgressReportSummary(r.report.Id, r.report.Organization, r.report.PeriodStart,
            r.report.PeriodEnd, ResultsViews.StatusOf(engine, r.instance), r.report.SubmittedOn, r.report.ApprovedOn,
            ResultsViews.ReportHref(r.report.Id))).ToList();
    }

    /// <summary>Opens the caller's organization's draft report for a period on a programme in implementation.</summary>
    public async Task<ProgressReportResponse> OpenAsync(Guid programmeId, OpenProgressReportRequest request,
        WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReportProgress);
        var (programme, programmeInstance) = await ResultsViews.FindProgrammeAsync(programmeId, actor, subjects, db, ct);
        if (actor.Organization is not { } organization)
            throw new AccessDeniedException("A progress report is opened by a participating organization named in your sign-in.");

        var otherPeriods = await db.ProgressReports
            .Where(r => r.ProgrammeId == programmeId && r.Organization == organization.ToUpper())
            .Select(r => new { r.PeriodStart, r.PeriodEnd }).ToListAsync(ct);
        var now = time.GetUtcNow();
        var report = ProgressReport.Open(
            new ReportingContext(programmeId, programme.Organizations.ToHashSet(), programme.AllocatedOn, programmeInstance.State),
            organization, request.PeriodStart!.Value, request.PeriodEnd!.Value, otherPeriods.Select(p => (p.PeriodStart, p.PeriodEnd)),
            DateOnly.FromDateTime(now.UtcDateTime), actor.UserId, now);
        db.ProgressReports.Add(report);
        var title = $"{report.Organization} progress report {report.PeriodStart:yyyy-MM-dd} to {report.PeriodEnd:yyyy-MM-dd}: {programme.Title}";
        await engine.StartAsync(ProgressReportStatus.WorkflowId, report.Id, title[..Math.Min(title.Length, WorkflowInstance.TitleMaxLength)],
            new WorkflowScope(programme.Countries, [report.Organization]), actor, ct);
        // The report opens only if the programme is still in the state that allowed it when this is saved.
        engine.HoldState(programmeInstance);
        await db.SaveChangesAsync(ct);

        var created = await ResultsViews.FindReportAsync(report.Id, actor, tracked: false, subjects, db, ct);
        return await ResultsViews.DescribeReportAsync(created, actor, db, engine, ct);
    }

    /// <summary>The report's lines, status and the actions the caller may take.</summary>
    public async Task<ProgressReportResponse> GetAsync(Guid id, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        var visible = await ResultsViews.FindReportAsync(id, actor, tracked: false, subjects, db, ct);
        return await ResultsViews.DescribeReportAsync(visible, actor, db, engine, ct);
    }

    /// <summary>Replaces the report's actuals and narratives (with the version read) while its state allows it.</summary>
    public async Task<ProgressReportResponse> RecordValuesAsync(Guid id, ProgressValuesRequest request, WorkflowActor actor,
        CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReportProgress);
        var visible = await ResultsViews.FindReportAsync(id, actor, tracked: true, subjects, db, ct);
        var (report, instance) = visible;
        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => i.ProgrammeId == report.ProgrammeId && i.Organization == report.Organization).ToListAsync(ct);
        var entries = request.Values!.Select(v => new ActualEntry(v.IndicatorId!.Value, IndicatorValues.From(v.Actual), v.Narrative,
            v.Breakdown is { } b ? new ActualBreakdown(b.Female, b.Male, b.Children, b.Adults) : null)).ToList();
        report.RecordValues(entries, indicators, instance.State, request.Version!.Value, actor.UserId, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await ResultsViews.DescribeReportAsync(visible, actor, db, engine, ct);
    }

    /// <summary>submit, approve or return.</summary>
    public async Task<ProgressReportResponse> ActAsync(Guid id, string action, FireActionRequest? request,
        WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        var visible = await ResultsViews.FindReportAsync(id, actor, tracked: true, subjects, db, ct);
        await actions.FireAsync(visible.Instance, action, actor, request, ct);
        await db.SaveChangesAsync(ct);
        var reloaded = await ResultsViews.FindReportAsync(id, actor, tracked: false, subjects, db, ct);
        return await ResultsViews.DescribeReportAsync(reloaded, actor, db, engine, ct);
    }

    /// <summary>The report's workflow steps, oldest first.</summary>
    public async Task<List<JournalEntryResponse>> HistoryAsync(Guid id, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        var visible = await ResultsViews.FindReportAsync(id, actor, tracked: false, subjects, db, ct);
        return await WorkflowJournalReader.ReadAsync(visible.Instance, db, engine, ct);
    }
}
