using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Infrastructure.Committee;

/// <summary>What the FMU asks for when it opens a ballot.</summary>
public sealed record BallotOpening(string Title, BallotKind Kind, DateTimeOffset Deadline, IReadOnlyList<Guid> ConceptNoteIds);

/// <summary>
/// Opens ballots and takes votes: loads what the domain's rules read, calls them, and leaves the changes for the
/// caller to save (opening) or saves them itself (voting, which retries when another write got there first).
/// </summary>
public sealed class CommitteeBallots(TrustFundDbContext db)
{
    private const string PutToCommitteeAgain = "putToCommitteeAgain";

    /// <summary>
    /// Opens a ballot on concept notes under committee review (or deferred by an earlier ballot, which go back under
    /// review) and starts its workflow. Nothing is saved.
    /// </summary>
    public async Task<(Ballot Ballot, WorkflowInstance Instance)> OpenAsync(BallotOpening opening, WorkflowActor actor,
        WorkflowEngine engine, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = opening.ConceptNoteIds.Distinct().ToList();
        var notes = await db.ConceptNotes.Include(n => n.Budget).Where(n => ids.Contains(n.Id))
            .ToDictionaryAsync(n => n.Id, cancellationToken);
        var instances = await db.WorkflowInstances
            .Where(i => i.DefinitionId == ConceptNoteStatus.WorkflowId && ids.Contains(i.SubjectId))
            .ToDictionaryAsync(i => i.SubjectId, cancellationToken);
        var unknown = ids.Where(id => !notes.ContainsKey(id) || !instances.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
            throw new InvalidChangeException("conceptNoteIds", $"No concept note has the id {string.Join(", ", unknown)}.");

        var notReady = ids.Where(id => instances[id].State is not (ConceptNoteStatus.UnderCommitteeReview or ConceptNoteStatus.Deferred))
            .Select(id => $"'{notes[id].Title}' is {instances[id].State}").ToList();
        if (notReady.Count > 0)
            throw new DomainConflictException(
                $"Only concept notes under committee review (or deferred) go to a ballot: {string.Join("; ", notReady)}.",
                new Dictionary<string, string[]> { ["conceptNoteIds"] = notReady.ToArray() });
        var pending = await (
                from item in db.Set<BallotItem>()
                where item.IsPending && ids.Contains(item.ConceptNoteId)
                join open in db.Ballots on item.BallotId equals open.Id
                select new { Ballot = open.Title, Note = item.Title })
            .ToListAsync(cancellationToken);
        if (pending.Count > 0)
            throw new DomainConflictException(
                $"A concept note is on one open ballot at a time: {string.Join("; ", pending.Select(p => $"'{p.Note}' is on the ballot '{p.Ballot}'"))}.");

        var members = await VotingMembersOnAsync(DateOnly.FromDateTime(now.UtcDateTime), tracked: true, cancellationToken);
        var settings = await db.FundSettings.AsNoTracking().SingleAsync(cancellationToken);
        var subjects = opening.ConceptNoteIds.Select(id => notes[id])
            .Select(n => new BallotSubject(n.Id, n.Title, n.CoveredCountries, n.Organizations,
                n.RecusingOrganizations(settings.MinimumParticipationShare)))
            .ToList();

        var ballot = Ballot.Open(opening.Title, opening.Kind, opening.Deadline, subjects, members, BallotRule.From(settings),
            actor.UserId, now);
        foreach (var deferred in instances.Values.Where(i => i.State == ConceptNoteStatus.Deferred))
            await engine.FireAsync(deferred, PutToCommitteeAgain, actor, $"Put to the ballot '{ballot.Title}'.", cancellationToken);
        db.Ballots.Add(ballot);
        var instance = await engine.StartAsync(BallotWorkflowSteps.WorkflowId, ballot.Id, ballot.Title, WorkflowScope.None,
            actor, cancellationToken);
        return (ballot, instance);
    }

    /// <summary>The members (not observers) serving on <paramref name="day"/>: who votes on a ballot opened that day.</summary>
    public Task<List<CommitteeMembership>> VotingMembersOnAsync(DateOnly day, bool tracked, CancellationToken cancellationToken)
    {
        var memberships = tracked ? db.CommitteeMemberships : db.CommitteeMemberships.AsNoTracking();
        return memberships.Where(m => m.Role == CommitteeRole.Member && m.TermStart <= day && m.TermEnd >= day)
            .OrderBy(m => m.ConstituencyCode).ThenBy(m => m.Seat)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The caller's membership for acting today: the one serving today, or else their latest, whose dates the refusal
    /// names; null when they never sat on the committee.
    /// </summary>
    public async Task<CommitteeMembership?> MembershipOfAsync(string userId, DateOnly today, CancellationToken cancellationToken)
    {
        var memberships = await db.CommitteeMemberships.Where(m => m.UserId == userId && m.Role == CommitteeRole.Member)
            .ToListAsync(cancellationToken);
        return memberships.FirstOrDefault(m => m.ServesOn(today)) ?? memberships.MaxBy(m => m.TermEnd);
    }

    /// <summary>
    /// Applies one member's change to their paper (a vote, a declared conflict) and saves it, completing their task once
    /// nothing is left for them to do. Retried when another write on the paper (a double click) or the ballot's close
    /// got there first; the retry reads the ballot again, so a closed ballot refuses it.
    /// </summary>
    public async Task ChangePaperAsync(Guid ballotId, string userId, WorkflowEngine engine, TimeProvider time,
        Action<Ballot, CommitteeMembership, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        await db.SaveWithRetryAsync(async () =>
        {
            var now = time.GetUtcNow();
            var ballot = await db.Ballots.WithPapers().SingleOrDefaultAsync(b => b.Id == ballotId, cancellationToken)
                         ?? throw new NotFoundException($"No ballot has the id {ballotId}.");
            var membership = await MembershipOfAsync(userId, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken)
                             ?? throw new DomainConflictException("You hold no seat on the Steering Committee, so you cannot vote.");
            change(ballot, membership, now);

            var paper = ballot.PaperOf(userId)!;
            if (ballot.HasNothingLeft(paper))
            {
                var instance = await db.WorkflowInstances.SingleAsync(
                    i => i.DefinitionId == BallotWorkflowSteps.WorkflowId && i.SubjectId == ballotId, cancellationToken);
                await engine.CompleteAssignedTaskAsync(instance, userId, BallotWorkflowSteps.VotedOnEverything, cancellationToken);
            }
            return paper;
        }, cancellationToken);
    }
}
