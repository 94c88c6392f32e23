using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Common;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Infrastructure.Committee;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Application.Committee;

/// <summary>
/// The committee's ballots: the FMU opens, closes early and cancels them; members vote and declare conflicts of
/// interest; the committee, the FMU and administrators read them, each as <see cref="BallotViews"/> shows them.
/// </summary>
public sealed class BallotUseCases(TrustFundDbContext db, WorkflowEngine engine, WorkflowSubjects subjects,
    WorkflowActions actions, CommitteeBallots ballots, TimeProvider time)
{
    /// <summary>
    /// Opens a ballot on concept notes under committee review; every member serving today gets a task, and members
    /// of a note's organizations or governments are recused from it.
    /// </summary>
    public async Task<BallotResponse> OpenAsync(OpenBallotRequest request, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.RunBallots);
        var opening = new BallotOpening(request.Title!, request.Kind!.Value, request.Deadline!.Value, request.ConceptNoteIds!);
        var (_, instance) = await ballots.OpenAsync(opening, actor, engine, time.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return await BallotViews.DescribeAsync(instance, actor, db, engine, time.GetUtcNow(), ct);
    }

    /// <summary>The ballots, newest first, optionally of one status.</summary>
    public async Task<BallotPage> ListAsync(BallotQuery query, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadCommittee);
        var (page, pageSize, skip) = Paging.Resolve(query.Page, query.PageSize);
        var visible = subjects.VisibleTo(BallotWorkflowSteps.WorkflowId, actor);
        var list = db.Ballots.AsNoTracking().Where(b => visible.Any(i => i.SubjectId == b.Id));
        if (query.Status is { } status) list = list.Where(b => b.Status == status);
        var total = await list.CountAsync(ct);
        var items = await list.OrderByDescending(b => b.OpenedAt).ThenBy(b => b.Id).Skip(skip).Take(pageSize)
            .Select(b => new BallotSummaryResponse(b.Id, b.Title, b.Kind, b.Status, b.OpenedAt, b.Deadline, b.ClosedAt,
                b.Items.Count, CommitteeLinks.Ballot(b.Id)))
            .ToListAsync(ct);
        return new BallotPage(items, page, pageSize, total);
    }

    public async Task<BallotResponse> GetAsync(Guid id, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadCommittee);
        var instance = await FindAsync(id, actor, tracked: false, ct);
        return await BallotViews.DescribeAsync(instance, actor, db, engine, time.GetUtcNow(), ct);
    }

    /// <summary>Casts or changes the caller's vote on one item until the ballot closes.</summary>
    public async Task<BallotResponse> VoteAsync(Guid id, Guid conceptNoteId, CastVoteRequest request, WorkflowActor actor,
        CancellationToken ct)
    {
        actor.Require(AccessPolicies.Vote);
        var instance = await FindAsync(id, actor, tracked: false, ct);
        await ballots.ChangePaperAsync(id, actor.UserId, engine, time,
            (ballot, member, now) => ballot.CastVote(member, conceptNoteId, request.Choice!.Value, request.Conditions,
                request.Reason, request.Comment, now), ct);
        return await BallotViews.DescribeAsync(instance, actor, db, engine, time.GetUtcNow(), ct);
    }

    /// <summary>Recuses the caller from one item; a vote they cast on it is withdrawn.</summary>
    public async Task<BallotResponse> DeclareConflictAsync(Guid id, Guid conceptNoteId, DeclareConflictRequest request,
        WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.Vote);
        var instance = await FindAsync(id, actor, tracked: false, ct);
        await ballots.ChangePaperAsync(id, actor.UserId, engine, time,
            (ballot, member, now) => ballot.DeclareConflict(member, conceptNoteId, request.Statement!, now), ct);
        return await BallotViews.DescribeAsync(instance, actor, db, engine, time.GetUtcNow(), ct);
    }

    /// <summary>closeEarly (once every eligible member has voted) or cancel (with a comment).</summary>
    public async Task<BallotResponse> ActAsync(Guid id, string action, FireActionRequest? request, WorkflowActor actor,
        CancellationToken ct)
    {
        actor.Require(AccessPolicies.RunBallots);
        var instance = await FindAsync(id, actor, tracked: true, ct);
        // Loaded tracked before the step: its guard and its effects (deciding or calling off the ballot) work on this copy.
        await db.Ballots.WithPapers().SingleAsync(b => b.Id == id, ct);
        await actions.FireAsync(instance, action, actor, request, ct);
        await db.SaveChangesAsync(ct);
        return await BallotViews.DescribeAsync(instance, actor, db, engine, time.GetUtcNow(), ct);
    }

    /// <summary>The ballot's workflow steps, oldest first.</summary>
    public async Task<List<JournalEntryResponse>> HistoryAsync(Guid id, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadCommittee);
        var instance = await FindAsync(id, actor, tracked: false, ct);
        return await WorkflowJournalReader.ReadAsync(instance, db, engine, ct);
    }

    private Task<WorkflowInstance> FindAsync(Guid id, WorkflowActor actor, bool tracked, CancellationToken ct) =>
        subjects.FindVisibleAsync(BallotWorkflowSteps.WorkflowId, id, actor, tracked, BallotViews.NotFoundMessage(id), ct);
}
