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
using TrustFundManager.Infrastructure.Results;
using TrustFundManager.Workflows;

namespace TrustFundManager.Api.Results;

public sealed class ResultsEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/joint-programmes/{id:guid}/results").WithTags("Results");
        group.MapGet("/", Get).RequireAuthorization(Policies.SignedIn)
            .WithName("GetResultsMatrix")
            .WithSummary("The programme's results matrix: outcomes, outputs and indicators with baselines, targets, each indicator's latest approved actual and whether it is on track.");
        group.MapPut("/", Revise).RequireAuthorization(Policies.EditResults)
            .WithRequestValidation<ResultsMatrixRequest>()
            .WithName("ReviseResultsMatrix")
            .WithSummary("Replaces the results matrix (with the version read; none for the first). The programme's participating organizations and the FMU edit it while the programme is allocated or active; indicators with reported values stay.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapGet("/api/results/summary", Summary).WithTags("Results").RequireAuthorization(Policies.ReadResults)
            .WithName("GetResultsSummary")
            .WithSummary("The fund's results by thematic area and by GCM objective: programmes, indicators, the share of measured indicators on track against their targets, and the latest approved actuals.");
    }

    private static async Task<Results<Ok<ResultsMatrixResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user,
        TrustFundDbContext db, WorkflowSubjects subjects, WorkflowEngine engine, ResultsQueries results, TimeProvider time, CancellationToken ct)
    {
        var loaded = await JointProgrammeViews.FindVisibleAsync(subjects, db, id, user.AsWorkflowActor(), tracked: false, ct);
        return TypedResults.Ok(await DescribeAsync(loaded, db, engine, results, time, ct));
    }

    private static async Task<Results<Ok<ResultsMatrixResponse>, ProblemHttpResult>> Revise(Guid id, ResultsMatrixRequest request,
        ClaimsPrincipal user, TrustFundDbContext db, WorkflowSubjects subjects, WorkflowEngine engine, ResultsQueries results, TimeProvider time,
        CancellationToken ct)
    {
        var actor = user.AsWorkflowActor();
        var loaded = await JointProgrammeViews.FindVisibleAsync(subjects, db, id, actor, tracked: false, ct);

        var matrix = await db.ResultsMatrices.WithItems().SingleOrDefaultAsync(m => m.ProgrammeId == id, ct);
        if (matrix is null) db.ResultsMatrices.Add(matrix = ResultsMatrix.For(id));
        var (indicators, outputs, outcomes) = (matrix.Indicators.ToList(), matrix.Outputs.ToList(), matrix.Outcomes.ToList());
        matrix.Revise(ToDraft(request), await RulesAsync(loaded, db, ct), loaded.Instance.State, request.Version, actor.UserId,
            time.GetUtcNow());
        // Left-out items are deleted dependents first (indicators, outputs, outcomes): found only as the matrix's
        // orphans, an outcome or output could be deleted before the items under it, whose required links refuse it.
        foreach (var removed in indicators.Except(matrix.Indicators)) db.Remove(removed);
        foreach (var removed in outputs.Except(matrix.Outputs)) db.Remove(removed);
        foreach (var removed in outcomes.Except(matrix.Outcomes)) db.Remove(removed);
        engine.HoldState(loaded.Instance);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await DescribeAsync(loaded, db, engine, results, time, ct));
    }

    private static async Task<Ok<ResultsSummary>> Summary(DateOnly? asOf, ResultsQueries results, TimeProvider time,
        CancellationToken ct) =>
        TypedResults.Ok(await results.SummaryAsync(asOf ?? Today(time), ct));

    private static async Task<ResultsMatrixResponse> DescribeAsync(LoadedProgramme loaded, TrustFundDbContext db,
        WorkflowEngine engine, ResultsQueries results, TimeProvider time, CancellationToken ct)
    {
        var id = loaded.Programme.Id;
        var matrix = await db.ResultsMatrices.AsNoTracking().WithItems().SingleOrDefaultAsync(m => m.ProgrammeId == id, ct);
        var actuals = await results.LatestApprovedActualsAsync(id, Today(time), ct);
        return ResultsViews.DescribeMatrix(loaded, matrix, actuals, engine);
    }

    private static async Task<ResultsMatrixRules> RulesAsync(LoadedProgramme loaded, TrustFundDbContext db, CancellationToken ct)
    {
        var id = loaded.Programme.Id;
        var reported = await (
            from value in db.ReportedValues
            join report in db.ProgressReports on value.ReportId equals report.Id
            where report.ProgrammeId == id
            select value.IndicatorId).Distinct().ToListAsync(ct);
        return new ResultsMatrixRules(
            (await db.ThematicAreas.Select(a => a.Number).ToListAsync(ct)).ToHashSet(),
            (await db.GcmObjectives.Select(o => o.Number).ToListAsync(ct)).ToHashSet(),
            loaded.Programme.Organizations.ToHashSet(), reported.ToHashSet());
    }

    private static ResultsMatrixDraft ToDraft(ResultsMatrixRequest request) =>
        new(request.Outcomes!.Select(o => new OutcomeDraft(o.Id, o.Statement!, o.ThematicAreaNumber!.Value, o.GcmObjectives!,
            (o.Indicators ?? []).Select(ToDraft).ToList(),
            (o.Outputs ?? []).Select(p => new OutputDraft(p.Id, p.Statement!, (p.Indicators ?? []).Select(ToDraft).ToList())).ToList()))
            .ToList());

    private static IndicatorDraft ToDraft(IndicatorRequest i) =>
        new(i.Id, i.Name!, i.Kind!.Value, i.Unit, IndicatorValues.From(i.Baseline), i.BaselineDate!.Value,
            IndicatorValues.From(i.Target), i.TargetDate!.Value, i.BySex ?? false, i.ByAge ?? false, i.MeansOfVerification!,
            i.Organization!);

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
