using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Common;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Application.Committee;

/// <summary>
/// The record of the committee's decisions: each visible to whoever may see its concept note (the submitting government
/// included), so its per-constituency tally is published as <see cref="TallyPublication"/> allows.
/// </summary>
public sealed class DecisionUseCases(TrustFundDbContext db, WorkflowSubjects subjects)
{
    /// <summary>The decisions on the concept notes the caller may see, newest first, filtered.</summary>
    public async Task<DecisionPage> ListAsync(DecisionQuery query, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        var (page, pageSize, skip) = Paging.Resolve(query.Page, query.PageSize);
        var decisions = Visible(actor);
        if (query.Outcome is { } outcome) decisions = decisions.Where(d => d.Outcome == outcome);
        if (query.BallotId is { } ballotId) decisions = decisions.Where(d => d.BallotId == ballotId);
        if (query.ConceptNoteId is { } noteId) decisions = decisions.Where(d => d.ConceptNoteId == noteId);
        if (query.Country?.ToUpperInvariant() is { } country) decisions = decisions.Where(d => d.Country == country);
        if (query.DecidedFrom is { } from) decisions = decisions.Where(d => d.DecidedAt >= from.ToUniversalTime());
        if (query.DecidedTo is { } to) decisions = decisions.Where(d => d.DecidedAt <= to.ToUniversalTime());

        var total = await decisions.CountAsync(ct);
        var items = await decisions.OrderByDescending(d => d.DecidedAt).ThenBy(d => d.Id).Skip(skip).Take(pageSize).ToListAsync(ct);
        var minimumCell = await MinimumCellAsync(ct);
        return new DecisionPage(items.Select(d => DecisionResponse.From(d, minimumCell)).ToList(), page, pageSize, total);
    }

    public async Task<DecisionResponse> GetAsync(Guid id, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        return await Visible(actor).SingleOrDefaultAsync(d => d.Id == id, ct) is { } decision
            ? DecisionResponse.From(decision, await MinimumCellAsync(ct))
            : throw new NotFoundException($"No decision has the id {id}.");
    }

    /// <summary>Read at publication, not at the decision, so raising the setting also covers past decisions.</summary>
    private Task<int> MinimumCellAsync(CancellationToken ct) =>
        db.FundSettings.AsNoTracking().Select(s => s.MinimumPublishedTallyCell).SingleAsync(ct);

    private IQueryable<CommitteeDecision> Visible(WorkflowActor actor)
    {
        var notes = subjects.VisibleTo(ConceptNoteStatus.WorkflowId, actor);
        return db.CommitteeDecisions.AsNoTracking().Where(d => notes.Any(i => i.SubjectId == d.ConceptNoteId));
    }
}
