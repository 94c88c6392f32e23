using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Common;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Domain.Access;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Infrastructure.Funding;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Application.Funding;

/// <summary>
/// Joint programmes: the FMU funds approved concept notes and records the Administrative Agent's transfers and the
/// programme's workflow steps; organizations report their own expenditure; whoever may see a programme reads it.
/// </summary>
public sealed class JointProgrammeUseCases(TrustFundDbContext db, WorkflowEngine engine, WorkflowSubjects subjects,
    WorkflowActions actions, FundAllocations allocations, TimeProvider time)
{
    /// <summary>Funds an approved concept note from the free balance and answers with the programme it created.</summary>
    public async Task<JointProgrammeResponse> AllocateAsync(AllocationRequestBody request, WorkflowActor actor,
        CancellationToken ct)
    {
        actor.Require(AccessPolicies.ManageFunding);
        var budget = request.Budget?.Select(b => new BudgetShare(b.Organization!, b.AmountUsd!.Value)).ToList();
        var programme = await allocations.AllocateAsync(
            new AllocationRequest(request.ConceptNoteId!.Value, budget, request.Comment), actor, ct);
        return await DescribeAsync(programme.Id, actor, ct);
    }

    public async Task<JointProgrammePage> ListAsync(JointProgrammeQuery query, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        var (page, pageSize, skip) = Paging.Resolve(query.Page, query.PageSize);
        var instances = subjects.VisibleTo(JointProgrammeStatus.WorkflowId, actor);
        if (query.State is { } state) instances = instances.Where(i => i.State == state);
        var rows =
            from programme in db.JointProgrammes.AsNoTracking()
            join instance in instances on programme.Id equals instance.SubjectId
            select new { Programme = programme, Instance = instance };
        if (query.Country?.ToUpperInvariant() is { } country) rows = rows.Where(r => r.Programme.Country == country);
        if (query.ThematicAreaNumber is { } area) rows = rows.Where(r => r.Programme.ThematicAreaNumber == area);
        if (query.Organization?.ToUpperInvariant() is { } organization)
            rows = rows.Where(r => r.Programme.Budget.Any(b => b.Organization == organization));

        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(r => r.Programme.AllocatedOn).ThenBy(r => r.Programme.Id)
            .Skip(skip).Take(pageSize).ToListAsync(ct);
        return new JointProgrammePage(items.Select(r => new JointProgrammeSummary(r.Programme.Id, r.Programme.Title,
            r.Programme.Country, r.Programme.Region, r.Programme.ThematicAreaNumber,
            JointProgrammeViews.StatusOf(engine, r.Instance), r.Programme.AllocatedOn, r.Programme.AllocatedUsd,
            r.Programme.TransferredUsd, r.Programme.SpentUsd, r.Programme.DeliveryRate,
            JointProgrammeViews.Href(r.Programme.Id))).ToList(), page, pageSize, total);
    }

    public async Task<JointProgrammeResponse> GetAsync(Guid id, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        return await DescribeAsync(id, actor, ct);
    }

    /// <summary>Records a tranche the Administrative Agent transferred to one of the programme's organizations.</summary>
    public async Task<JointProgrammeResponse> RecordTransferAsync(Guid id, TransferRequest request, WorkflowActor actor,
        CancellationToken ct)
    {
        actor.Require(AccessPolicies.ManageFunding);
        await JointProgrammeViews.FindVisibleAsync(subjects, db, id, actor, tracked: false, ct);
        return await SaveChangeAsync(id, actor, (programme, instance, today, now) =>
            programme.RecordTransfer(request.Organization!, request.AmountUsd!.Value, request.TransferredOn!.Value,
                request.Reference!, instance.State, today, actor.UserId, now), ct);
    }

    /// <summary>
    /// An organization's expenditure for a year. A participating organization reports its own only (403 for another's,
    /// once it may see the programme); the FMU reports for any. A year's figure is final from 1 May of the next year:
    /// then only the FMU corrects it, with a reason, and the correction is journaled with the figures before and after.
    /// </summary>
    public async Task<JointProgrammeResponse> ReportExpenditureAsync(Guid id, string organization, int year,
        ExpenditureRequest request, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReportExpenditure);
        await JointProgrammeViews.FindVisibleAsync(subjects, db, id, actor, tracked: false, ct);
        var fundManager = actor.Roles.Contains(Roles.FundManager);
        if (!fundManager && !string.Equals(actor.Organization, organization.Trim(), StringComparison.OrdinalIgnoreCase))
            throw new AccessDeniedException(
                $"An organization reports its own expenditure only ({actor.Organization ?? "none in your sign-in"}).");

        return await SaveChangeAsync(id, actor, (programme, instance, today, now) =>
        {
            var final = AnnualExpenditure.IsFinal(year, today) && year >= programme.AllocatedOn.Year;
            if (final && !fundManager)
                throw new DomainConflictException(
                    $"Expenditure for {year} is final since 30 April {year + 1}: only the FMU corrects it, giving the reason.");
            var before = programme.Expenditures
                .SingleOrDefault(e => e.Year == year && string.Equals(e.Organization, organization.Trim(), StringComparison.OrdinalIgnoreCase))
                ?.AmountUsd ?? 0m;
            var report = programme.ReportExpenditure(organization, year, request.AmountUsd!.Value, instance.State, today,
                actor.UserId, now, fundManager ? request.Reason?.Trim() : null);
            if (final)
                engine.Note(instance, CorrectFinalExpenditureAction, actor,
                    $"{report.Organization}'s expenditure for {year} corrected from {before:N2} to {report.AmountUsd:N2} USD: {request.Reason!.Trim()}");
            return report;
        }, ct);
    }

    /// <summary>The journal's name for a correction of a year's expenditure after it became final.</summary>
    public const string CorrectFinalExpenditureAction = "correctFinalExpenditure";

    /// <summary>A step of the programme's workflow (begin implementation, suspend, resume, close, cancel).</summary>
    public async Task<JointProgrammeResponse> ActAsync(Guid id, string action, FireActionRequest? request,
        WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ManageFunding);
        var loaded = await JointProgrammeViews.FindVisibleAsync(subjects, db, id, actor, tracked: true, ct);
        await actions.FireAsync(loaded.Instance, action, actor, request, ct);
        await db.SaveChangesAsync(ct);
        return await DescribeAsync(id, actor, ct);
    }

    public async Task<List<JournalEntryResponse>> HistoryAsync(Guid id, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        var loaded = await JointProgrammeViews.FindVisibleAsync(subjects, db, id, actor, tracked: false, ct);
        return await WorkflowJournalReader.ReadAsync(loaded.Instance, db, engine, ct);
    }

    /// <summary>
    /// Applies a change to the programme as it is now (read afresh, with its state), saved with a retry when a racing
    /// write got there first, so its limits judge the latest figures; answers with the programme after the change.
    /// </summary>
    private async Task<JointProgrammeResponse> SaveChangeAsync(Guid id, WorkflowActor actor,
        Func<JointProgramme, WorkflowInstance, DateOnly, DateTimeOffset, object> change, CancellationToken ct)
    {
        await db.SaveWithRetryAsync(async () =>
        {
            var (programme, instance) = await JointProgrammeViews.FindVisibleAsync(subjects, db, id, actor, tracked: true, ct);
            var now = time.GetUtcNow();
            var result = change(programme, instance, DateOnly.FromDateTime(now.UtcDateTime), now);
            engine.HoldState(instance);
            return result;
        }, ct);
        return await DescribeAsync(id, actor, ct);
    }

    private async Task<JointProgrammeResponse> DescribeAsync(Guid id, WorkflowActor actor, CancellationToken ct) =>
        JointProgrammeViews.Describe(
            await JointProgrammeViews.FindVisibleAsync(subjects, db, id, actor, tracked: false, ct), engine);
}
