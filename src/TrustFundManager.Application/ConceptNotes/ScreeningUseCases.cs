using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Infrastructure.Committee;
using TrustFundManager.Infrastructure.ConceptNotes;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Application.ConceptNotes;

/// <summary>The FMU's eligibility checklist of a concept note, one round per submission.</summary>
public sealed class ScreeningUseCases(TrustFundDbContext db, WorkflowEngine engine, WorkflowSubjects subjects,
    ConceptNoteRulesReader rulesReader, CommitteeBallots ballots, TimeProvider time)
{
    private static readonly Dictionary<ScreeningItem, string> Descriptions = new()
    {
        [ScreeningItem.Complete] = "Complete: every section of the concept note is filled in.",
        [ScreeningItem.WithinCeilings] = "Within ceilings: the budget and the duration are within the fund's limits.",
        [ScreeningItem.AtLeastTwoOrganizations] = "At least two participating UN organizations.",
        [ScreeningItem.MarkersScored] = "Gender, human-rights and child-sensitivity markers scored (0-3).",
        [ScreeningItem.EndorsedByGovernment] = "Endorsed by the government.",
    };

    /// <summary>The current round's findings (with what the note itself suggests) and the earlier rounds'.</summary>
    public async Task<ScreeningResponse> GetAsync(Guid id, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        var loaded = await ConceptNoteAccess.FindVisibleAsync(id, actor, subjects, db, tracked: false, ct);
        return Describe(loaded, await rulesReader.ReadAsync(ct), await WouldRecuseAsync(loaded.Note, actor, ct));
    }

    /// <summary>Records findings for the current round while the note is in screening; a failed item needs a comment.</summary>
    public async Task<ScreeningResponse> RecordAsync(Guid id, RecordScreeningRequest request, WorkflowActor actor,
        CancellationToken ct)
    {
        actor.Require(AccessPolicies.ScreenConceptNotes);
        var loaded = await ConceptNoteAccess.FindVisibleAsync(id, actor, subjects, db, tracked: true, ct);
        var (note, instance) = loaded;
        if (request.Version is { } version && version != note.Version)
            throw DomainConflictException.StaleVersion(
                "The concept note was changed since you read it; read it again before recording.", note.Version);

        var now = time.GetUtcNow();
        foreach (var finding in request.Findings!)
            note.RecordScreening(finding.Item!.Value, finding.Passed!.Value, finding.Comment, instance.State, actor.UserId, now);
        // Findings are recorded only in screening: a step that leaves it before this save makes the save a conflict.
        engine.HoldState(instance);
        await db.SaveChangesAsync(ct);
        return Describe(loaded, await rulesReader.ReadAsync(ct), await WouldRecuseAsync(note, actor, ct));
    }

    /// <summary>For the FMU: the members serving today whom a ballot on the note would recuse; null for anyone else.</summary>
    private async Task<List<RecusalPreviewResponse>?> WouldRecuseAsync(ConceptNote note, WorkflowActor actor,
        CancellationToken ct)
    {
        if (!actor.Holds(AccessPolicies.ScreenConceptNotes)) return null;
        var members = await ballots.VotingMembersOnAsync(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), tracked: false, ct);
        var minimumShare = await db.FundSettings.AsNoTracking().Select(s => s.MinimumParticipationShare).SingleAsync(ct);
        var organizations = note.RecusingOrganizations(minimumShare);
        return members
            .Select(m => (Member: m, Conflict: Ballot.ConflictOf(m, note.CoveredCountries, organizations)))
            .Where(x => x.Conflict is not null)
            .Select(x => new RecusalPreviewResponse(x.Member.Name, x.Member.ConstituencyCode!, x.Conflict!.Value.Reason,
                x.Conflict.Value.Explanation))
            .ToList();
    }

    private ScreeningResponse Describe(LoadedConceptNote loaded, ConceptNoteRules rules,
        IReadOnlyList<RecusalPreviewResponse>? wouldRecuse)
    {
        var (note, instance) = loaded;
        var content = note.Content;
        var rounds = note.ScreeningChecks.Select(c => c.Round).Append(note.SubmissionCount).Where(r => r > 0)
            .Distinct().OrderDescending()
            .Select(round => new ScreeningRoundResponse(round, Enum.GetValues<ScreeningItem>().Select(item =>
            {
                var check = note.ScreeningChecks.SingleOrDefault(c => c.Round == round && c.Item == item);
                var suggested = round == note.SubmissionCount ? ScreeningCheck.Suggest(item, content, rules) : null;
                return new ScreeningItemResponse(item, Descriptions[item], check?.Passed, check?.Comment,
                    check?.RecordedBy, check?.RecordedAt, suggested);
            }).ToList()))
            .ToList();
        return new ScreeningResponse(note.Id, ConceptNoteAccess.StatusOf(engine, instance), note.SubmissionCount,
            note.SubmissionCount > 0 && note.ScreeningItemsNotPassed().Count == 0, note.Version, rounds, wouldRecuse);
    }
}
