using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Common;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Domain.Access;
using TrustFundManager.Domain.Results;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Infrastructure.Results;
using TrustFundManager.Workflows;

namespace TrustFundManager.Application.Results;

/// <summary>
/// A programme's results matrix, read by whoever may see the programme and revised by its participating organizations
/// and the FMU; and the fund's results summary.
/// </summary>
public sealed class ResultsUseCases(TrustFundDbContext db, WorkflowEngine engine, WorkflowSubjects subjects,
    ResultsQueries results, TimeProvider time)
{
    /// <summary>The matrix with each indicator's latest approved actual and whether it is on track.</summary>
    public async Task<ResultsMatrixResponse> GetMatrixAsync(Guid programmeId, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        var visible = await ResultsViews.FindProgrammeAsync(programmeId, actor, subjects, db, ct);
        return await DescribeAsync(visible, ct);
    }

    /// <summary>The journal's action for the FMU's change to what approved values measure.</summary>
    public const string ReviseApprovedIndicatorsAction = "reviseApprovedIndicators";

    /// <summary>
    /// Replaces the matrix (with the version read; none for the first) while the programme's state allows it. A
    /// participating organization changes only the indicators it reports (403 otherwise); what an indicator with
    /// approved values measures changes only by the FMU, with a reason that the programme's journal keeps.
    /// </summary>
    public async Task<ResultsMatrixResponse> ReviseMatrixAsync(Guid programmeId, ResultsMatrixRequest request,
        WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.EditResults);
        var visible = await ResultsViews.FindProgrammeAsync(programmeId, actor, subjects, db, ct);

        var matrix = await db.ResultsMatrices.WithItems().SingleOrDefaultAsync(m => m.ProgrammeId == programmeId, ct);
        if (matrix is null) db.ResultsMatrices.Add(matrix = ResultsMatrix.For(programmeId));
        var (indicators, outputs, outcomes) = (matrix.Indicators.ToList(), matrix.Outputs.ToList(), matrix.Outcomes.ToList());
        var draft = ToDraft(request);
        var rules = await RulesAsync(visible, ct);
        var approved = rules.IndicatorsWithApprovedValues!;
        // Judged against the matrix as read, but refused only after the draft's own checks, so a malformed draft still
        // gets its field errors; nothing is saved either way.
        var editsAll = actor.IsSystem || actor.Roles.Contains(Roles.FundManager);
        var refusal = editsAll ? null : IndicatorOwnership.RefusalFor(actor.Organization ?? "", draft, matrix, approved);
        var corrected = IndicatorOwnership.LockedChanges(draft, matrix, approved);
        // Only the FMU may give a reason for changing what approved values measure; an organization is refused instead.
        if (!editsAll) rules = rules with { IndicatorsWithApprovedValues = null };
        matrix.Revise(draft, rules, visible.Instance.State, request.Version, actor.UserId, time.GetUtcNow());
        if (refusal is not null) throw new AccessDeniedException(refusal);
        if (corrected.Count > 0)
            engine.Note(visible.Instance, ReviseApprovedIndicatorsAction, actor,
                $"Changed what approved values measure for '{IndicatorOwnership.Names(corrected)}': {request.Reason!.Trim()}");
        // Left-out items are deleted dependents first (indicators, outputs, outcomes): found only as the matrix's
        // orphans, an outcome or output could be deleted before the items under it, whose required links refuse it.
        foreach (var removed in indicators.Except(matrix.Indicators)) db.Remove(removed);
        foreach (var removed in outputs.Except(matrix.Outputs)) db.Remove(removed);
        foreach (var removed in outcomes.Except(matrix.Outcomes)) db.Remove(removed);
        // The revision holds only if the programme has not left the state that allowed it by the time it is saved.
        engine.HoldState(visible.Instance);
        await db.SaveChangesAsync(ct);
        return await DescribeAsync(visible, ct);
    }

    /// <summary>The fund's results by thematic area and by GCM objective on <paramref name="asOf"/> (today by default).</summary>
    public async Task<ResultsSummary> SummaryAsync(DateOnly? asOf, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadResults);
        return await results.SummaryAsync(ReportingDay.Resolve(asOf, time), ct);
    }

    private async Task<ResultsMatrixResponse> DescribeAsync(VisibleProgramme visible, CancellationToken ct)
    {
        var id = visible.Programme.Id;
        var matrix = await db.ResultsMatrices.AsNoTracking().WithItems().SingleOrDefaultAsync(m => m.ProgrammeId == id, ct);
        var actuals = await results.LatestApprovedActualsAsync(id, Today(), ct);
        return ResultsViews.DescribeMatrix(visible, matrix, actuals, engine);
    }

    private async Task<ResultsMatrixRules> RulesAsync(VisibleProgramme visible, CancellationToken ct)
    {
        var id = visible.Programme.Id;
        var reported = await (
            from value in db.ReportedValues
            join report in db.ProgressReports on value.ReportId equals report.Id
            where report.ProgrammeId == id
            select new { value.IndicatorId, Approved = report.ApprovedOn != null }).Distinct().ToListAsync(ct);
        return new ResultsMatrixRules(
            (await db.ThematicAreas.Select(a => a.Number).ToListAsync(ct)).ToHashSet(),
            (await db.GcmObjectives.Select(o => o.Number).ToListAsync(ct)).ToHashSet(),
            visible.Programme.Organizations.ToHashSet(), reported.Select(r => r.IndicatorId).ToHashSet(),
            reported.Where(r => r.Approved).Select(r => r.IndicatorId).ToHashSet());
    }

    private static ResultsMatrixDraft ToDraft(ResultsMatrixRequest request) =>
        new(request.Outcomes!.Select(o => new OutcomeDraft(o.Id, o.Statement!, o.ThematicAreaNumber!.Value, o.GcmObjectives!,
            (o.Indicators ?? []).Select(ToDraft).ToList(),
            (o.Outputs ?? []).Select(p => new OutputDraft(p.Id, p.Statement!, (p.Indicators ?? []).Select(ToDraft).ToList())).ToList()))
            .ToList(), request.Reason);

    private static IndicatorDraft ToDraft(IndicatorRequest i) =>
        new(i.Id, i.Name!, i.Kind!.Value, i.Unit, IndicatorValues.From(i.Baseline), i.BaselineDate!.Value,
            IndicatorValues.From(i.Target), i.TargetDate!.Value, i.BySex ?? false, i.ByAge ?? false, i.MeansOfVerification!,
            i.Organization!);

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
