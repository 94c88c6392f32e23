using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Infrastructure.ConceptNotes;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Infrastructure.Funding;

/// <summary>What the FMU asks for when it funds a concept note; without a budget, the note's own.</summary>
public sealed record AllocationRequest(Guid ConceptNoteId, IReadOnlyList<BudgetShare>? Budget, string? Comment);

/// <summary>
/// Funds approved concept notes: draws on the free balance, creates the joint programme and its workflow, and moves
/// the note to 'funded', in one save. Every allocation changes the <see cref="FundLedger"/>, so two allocations racing
/// for the last dollars are saved one after the other and the second is judged against what the first left.
/// </summary>
public sealed class FundAllocations(TrustFundDbContext db, FundingQueries queries, WorkflowEngine engine, TimeProvider time)
{
    public const string FundAction = "fund";

    public Task<JointProgramme> AllocateAsync(AllocationRequest request, WorkflowActor actor, CancellationToken ct) =>
        db.SaveWithRetryAsync(async () =>
        {
            var now = time.GetUtcNow();
            var instance = await db.WorkflowInstances.SingleOrDefaultAsync(
                i => i.DefinitionId == ConceptNoteStatus.WorkflowId && i.SubjectId == request.ConceptNoteId, ct);
            var note = await db.ConceptNotes.WithDetails().SingleOrDefaultAsync(n => n.Id == request.ConceptNoteId, ct);
            if (instance is null || note is null)
                throw new InvalidChangeException("conceptNoteId", $"There is no concept note {request.ConceptNoteId}.");
            if (await db.JointProgrammes.AnyAsync(p => p.ConceptNoteId == note.Id, ct))
                throw new DomainConflictException("The concept note is already funded: it has a joint programme.");

            var ledger = await db.FundLedger.SingleAsync(ct);
            ledger.RecordAllocation();
            var settings = await db.FundSettings.AsNoTracking().SingleAsync(ct);
            var programme = JointProgramme.Allocate(note, instance.State, request.Budget, await queries.FreeBalanceAsync(ct),
                settings.IndirectCostRate, DateOnly.FromDateTime(now.UtcDateTime), actor.UserId, now);
            db.JointProgrammes.Add(programme);

            var why = $"Allocated {programme.AllocatedUsd:N2} USD by {actor.DisplayName}: joint programme {programme.Id}." +
                      (string.IsNullOrWhiteSpace(request.Comment) ? "" : $" {request.Comment.Trim()}");
            await engine.FireAsync(instance, FundAction, WorkflowActor.System, why, ct);
            await engine.StartAsync(JointProgrammeStatus.WorkflowId, programme.Id, programme.Title, ScopeOf(programme), actor, ct);
            return programme;
        }, ct);

    /// <summary>Whose programme it is: the governments of its countries and its participating organizations.</summary>
    public static WorkflowScope ScopeOf(JointProgramme programme) => new(programme.Countries, programme.Organizations);
}
