using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Funding;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Domain.Results;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Api.Results;

public sealed class ProgressReportEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var programme = app.MapGroup("/api/joint-programmes/{id:guid}/progress-reports").WithTags("Results");
        programme.MapGet("/", List).RequireAuthorization(Policies.SignedIn)
            .WithName("ListProgressReports")
            .WithSummary("The programme's progress reports the caller may see, latest period first: an organization sees its own, the FMU all, governments and the committee the approved ones.");
        programme.MapPost("/", Open).RequireAuthorization(Policies.ReportProgress)
            .WithRequestValidation<OpenProgressReportRequest>()
            .WithName("OpenProgressReport")
            .WithSummary("Opens the caller's organization's draft report for a reporting period (up to a year, overlapping none of its other reports) on a programme in implementation.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        var group = app.MapGroup("/api/progress-reports/{id:guid}").WithTags("Results");
        group.MapGet("/", Get).RequireAuthorization(Policies.SignedIn)
            .WithName("GetProgressReport")
            .WithSummary("A progress report: each of the organization's indicators with its actual, narrative and breakdown, the report's status and the actions the caller may take.");
        group.MapPut("/values", RecordValues).RequireAuthorization(Policies.ReportProgress)
            .WithRequestValidation<ProgressValuesRequest>()
            .WithName("RecordProgressValues")
            .WithSummary("Replaces the report's actuals and narratives (with the version read). Only a draft or a returned report changes; an approved report's values are locked.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/actions/{action}", Act).RequireAuthorization(Policies.SignedIn)
            .WithRequestValidation<FireActionRequest>()
            .WithName("ActOnProgressReport")
            .WithSummary("submit (the organization, once the period has ended and every indicator has an actual and a narrative), approve (the FMU: the values lock) or return (the FMU, with a comment).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/history", History).RequireAuthorization(Policies.SignedIn)
            .WithName("GetProgressReportHistory")
            .WithSummary("The report's workflow steps, oldest first.");
    }

    private static async Task<Results<Ok<List<ProgressReportSummary>>, ProblemHttpResult>> List(Guid id, ClaimsPrincipal user,
        TrustFundDbContext db, WorkflowSubjects subjects, WorkflowEngine engine, CancellationToken ct)
    {
        var actor = user.AsWorkflowActor();
        await JointProgrammeViews.FindVisibleAsync(subjects, db, id, actor, tracked: false, ct);
        var rows = await (
            from report in db.ProgressReports.AsNoTracking()
            join instance in ResultsViews.ReportInstances(db).AsNoTracking().VisibleTo(actor) on report.Id equals instance.SubjectId
            where report.ProgrammeId == id
            orderby report.PeriodEnd descending, report.Organization
            select new { report, instance }).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => new ProgressReportSummary(r.report.Id, r.report.Organization, r.report.PeriodStart,
            r.report.PeriodEnd, ResultsViews.StatusOf(engine, r.instance), r.report.SubmittedOn, r.report.ApprovedOn,
            ResultsViews.ReportHref(r.report.Id))).ToList());
    }

    private static async Task<Results<Created<ProgressReportResponse>, ProblemHttpResult>> Open(Guid id,
        OpenProgressReportRequest request, ClaimsPrincipal user, TrustFundDbContext db, WorkflowSubjects subjects, WorkflowEngine engine, TimeProvider time,
        CancellationToken ct)
    {
        var actor = user.AsWorkflowActor();
        var loaded = await JointProgrammeViews.FindVisibleAsync(subjects, db, id, actor, tracked: false, ct);
        if (actor.Organization is not { } organization)
            return ApiProblems.Forbidden("A progress report is opened by a participating organization named in your sign-in.");

        var programme = loaded.Programme;
        var otherPeriods = await db.ProgressReports.Where(r => r.ProgrammeId == id && r.Organization == organization.ToUpper())
            .Select(r => new { r.PeriodStart, r.PeriodEnd }).ToListAsync(ct);
        var now = time.GetUtcNow();
        var report = ProgressReport.Open(
            new ReportingContext(id, programme.Organizations.ToHashSet(), programme.AllocatedOn, loaded.Instance.State),
            organization, request.PeriodStart!.Value, request.PeriodEnd!.Value, otherPeriods.Select(p => (p.PeriodStart, p.PeriodEnd)),
            DateOnly.FromDateTime(now.UtcDateTime), actor.UserId, now);
        db.ProgressReports.Add(report);
        var title = $"{report.Organization} progress report {report.PeriodStart:yyyy-MM-dd} to {report.PeriodEnd:yyyy-MM-dd}: {programme.Title}";
        await engine.StartAsync(ProgressReportStatus.WorkflowId, report.Id, title[..Math.Min(title.Length, WorkflowInstance.TitleMaxLength)],
            new WorkflowScope(programme.Countries, [report.Organization]), actor, ct);
        engine.HoldState(loaded.Instance);
        await db.SaveChangesAsync(ct);

        var created = (await ResultsViews.FindVisibleReportAsync(report.Id, actor, db, engine, false, ct))!;
        return TypedResults.Created(ResultsViews.ReportHref(report.Id),
            await ResultsViews.DescribeReportAsync(created, actor, db, engine, ct));
    }

    private static async Task<Results<Ok<ProgressReportResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user,
        TrustFundDbContext db, WorkflowEngine engine, CancellationToken ct)
    {
        var actor = user.AsWorkflowActor();
        return await ResultsViews.FindVisibleReportAsync(id, actor, db, engine, false, ct) is { } loaded
            ? TypedResults.Ok(await ResultsViews.DescribeReportAsync(loaded, actor, db, engine, ct))
            : ResultsViews.ReportNotFound(id);
    }

    private static async Task<Results<Ok<ProgressReportResponse>, ProblemHttpResult>> RecordValues(Guid id,
        ProgressValuesRequest request, ClaimsPrincipal user, TrustFundDbContext db, WorkflowEngine engine, TimeProvider time,
        CancellationToken ct)
    {
        var actor = user.AsWorkflowActor();
        if (await ResultsViews.FindVisibleReportAsync(id, actor, db, engine, true, ct) is not { } loaded)
            return ResultsViews.ReportNotFound(id);
        var (report, instance) = loaded;
        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => i.ProgrammeId == report.ProgrammeId && i.Organization == report.Organization).ToListAsync(ct);
        var entries = request.Values!.Select(v => new ActualEntry(v.IndicatorId!.Value, IndicatorValues.From(v.Actual), v.Narrative,
            v.Breakdown is { } b ? new ActualBreakdown(b.Female, b.Male, b.Children, b.Adults) : null)).ToList();
        report.RecordValues(entries, indicators, instance.State, request.Version!.Value, actor.UserId, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ResultsViews.DescribeReportAsync(loaded, actor, db, engine, ct));
    }

    private static async Task<Results<Ok<ProgressReportResponse>, ProblemHttpResult>> Act(Guid id, string action,
        FireActionRequest? request, ClaimsPrincipal user, TrustFundDbContext db, WorkflowEngine engine, CancellationToken ct)
    {
        var actor = user.AsWorkflowActor();
        if (await ResultsViews.FindVisibleReportAsync(id, actor, db, engine, true, ct) is not { } loaded)
            return ResultsViews.ReportNotFound(id);
        var step = engine.DefinitionOf(loaded.Instance).FindAction(action);
        if (step is null) return ApiProblems.NotFound($"A progress report has no action '{action}'.");
        if (request?.Version is { } version && version != loaded.Instance.Version)
            return ApiProblems.Conflict("The report has moved on since you read it; read it again before acting.");

        await engine.FireAsync(loaded.Instance, step.Name, actor, request?.Comment, ct);
        await db.SaveChangesAsync(ct);
        var reloaded = (await ResultsViews.FindVisibleReportAsync(id, actor, db, engine, false, ct))!;
        return TypedResults.Ok(await ResultsViews.DescribeReportAsync(reloaded, actor, db, engine, ct));
    }

    private static async Task<Results<Ok<List<JournalEntryResponse>>, ProblemHttpResult>> History(Guid id, ClaimsPrincipal user,
        TrustFundDbContext db, WorkflowEngine engine, CancellationToken ct) =>
        await ResultsViews.FindVisibleReportAsync(id, user.AsWorkflowActor(), db, engine, false, ct) is { } loaded
            ? TypedResults.Ok(await WorkflowJournalReader.ReadAsync(loaded.Instance, db, engine, ct))
            : ResultsViews.ReportNotFound(id);
}
