using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Domain.Access;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Infrastructure.ConceptNotes;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Definitions;

namespace TrustFundManager.Application.ConceptNotes;

/// <summary>
/// A concept note from its draft to the committee: drafting, reading, listing, editing, the workflow's steps and the
/// note's history, each for whoever may see the note (a government its own country's, an organization those it
/// would take part in).
/// </summary>
public sealed class ConceptNoteUseCases(TrustFundDbContext db, WorkflowEngine engine, WorkflowCatalog catalog,
    WorkflowSubjects subjects, WorkflowActions actions, ConceptNoteRulesReader rulesReader, DraftCapGate draftCapGate,
    TimeProvider time)
{
    /// <summary>Starts a draft: a government for its own country, the FMU on a government's behalf.</summary>
    public async Task<ConceptNoteResponse> CreateAsync(ConceptNoteRequest request, WorkflowActor actor,
        CancellationToken ct)
    {
        actor.Require(AccessPolicies.DraftConceptNotes);
        var content = request.ToContent().Normalized();
        // A note that names no country is refused by the draft's own rules below, not as another country's.
        if (content.Country.Length > 0 && !actor.Roles.Contains(Roles.FundManager) && content.Country != actor.Country)
            throw new AccessDeniedException(
                $"A government drafts concept notes for its own country only ({actor.Country ?? "none in your sign-in"}).");
        using var turn = actor.IsSystem || actor.Roles.Contains(Roles.FundManager)
            ? null
            : await draftCapGate.EnterAsync(content.Country, ct);
        if (turn is not null) await EnsureDraftCapAsync(content.Country, ct);

        var note = ConceptNote.Draft(content, await rulesReader.ReadAsync(ct), actor.UserId, time.GetUtcNow());
        db.ConceptNotes.Add(note);
        var instance = await engine.StartAsync(ConceptNoteStatus.WorkflowId, note.Id, note.Title,
            ConceptNoteAccess.ScopeOf(note), actor, ct);
        await db.SaveChangesAsync(ct);
        return await ConceptNoteAccess.DescribeAsync(new LoadedConceptNote(note, instance), actor, db, engine, ct);
    }

    /// <summary>
    /// A government holds at most the fund's <c>MaxOpenDraftsPerGovernment</c> notes in draft at once (409 beyond): a
    /// flood of drafts from one sign-in cannot fill the database. The FMU, drafting on a government's behalf, is not capped.
    /// Called within the country's turn at the <see cref="DraftCapGate"/>, held until the draft is saved.
    /// </summary>
    private async Task EnsureDraftCapAsync(string country, CancellationToken ct)
    {
        var cap = await db.FundSettings.AsNoTracking().Select(s => s.MaxOpenDraftsPerGovernment).SingleAsync(ct);
        var drafts = await db.ConceptNotes.AsNoTracking()
            .Where(n => n.Country == country)
            .Join(db.WorkflowInstances.Where(i => i.DefinitionId == ConceptNoteStatus.WorkflowId && i.State == ConceptNoteStatus.Draft),
                n => n.Id, i => i.SubjectId, (n, _) => n.Id)
            .CountAsync(ct);
        if (drafts >= cap)
            throw new DomainConflictException(
                $"{country} already has {drafts} concept notes in draft, the most a government holds at once ({cap}): submit or withdraw one first.");
    }

    /// <summary>The notes the caller may see, filtered, sorted and paged.</summary>
    /// <exception cref="InvalidChangeException">The status asked for is not one of the workflow's.</exception>
    public async Task<ConceptNotePage> ListAsync(ConceptNoteQuery query, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        var statuses = catalog.Latest(ConceptNoteStatus.WorkflowId).States.Select(s => s.Name).ToList();
        if (query.Status is { } status && !statuses.Contains(status))
            throw new InvalidChangeException("status",
                $"'{status}' is not a concept-note status; use one of: {string.Join(", ", statuses)}.");
        return await ConceptNoteList.PageAsync(query, actor, db, subjects, catalog, ct);
    }

    /// <summary>
    /// How many of the notes the caller may see stand in each status: every status of the workflow in its order, none
    /// left out for being empty, counted in one grouped query.
    /// </summary>
    public async Task<List<ConceptNoteStatusCount>> CountByStatusAsync(WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        var counts = await subjects.VisibleTo(ConceptNoteStatus.WorkflowId, actor)
            .GroupBy(i => i.State).Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count, ct);
        var states = catalog.Latest(ConceptNoteStatus.WorkflowId).States;
        return states.Select(s => new ConceptNoteStatusCount(new ConceptNoteStatusResponse(s.Name, s.Title, s.Terminal),
                counts.GetValueOrDefault(s.Name)))
            // A state only an older version of the workflow has, while notes still stand in it.
            .Concat(counts.Where(c => states.All(s => s.Name != c.Key))
                .Select(c => new ConceptNoteStatusCount(new ConceptNoteStatusResponse(c.Key, c.Key, false), c.Value)))
            .ToList();
    }

    public async Task<ConceptNoteResponse> GetAsync(Guid id, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        var loaded = await ConceptNoteAccess.FindVisibleAsync(id, actor, subjects, db, tracked: false, ct);
        return await ConceptNoteAccess.DescribeAsync(loaded, actor, db, engine, ct);
    }

    /// <summary>Replaces the content of a note in draft or returned for revision: the FMU's, or its government's.</summary>
    public async Task<ConceptNoteResponse> UpdateAsync(Guid id, ConceptNoteRequest request, WorkflowActor actor,
        CancellationToken ct)
    {
        actor.Require(AccessPolicies.DraftConceptNotes);
        var loaded = await ConceptNoteAccess.FindVisibleAsync(id, actor, subjects, db, tracked: true, ct);
        if (!ConceptNoteAccess.MayEdit(actor, loaded))
            throw new AccessDeniedException("Only the submitting government or the FMU edits a concept note.");

        var (note, instance) = loaded;
        note.Revise(request.ToContent(), await rulesReader.ReadAsync(ct), instance.State, request.Version,
            actor.UserId, time.GetUtcNow());
        instance.Describe(note.Title, ConceptNoteAccess.ScopeOf(note));
        engine.HoldState(instance);
        await db.SaveChangesAsync(ct);
        return await ConceptNoteAccess.DescribeAsync(loaded, actor, db, engine, ct);
    }

    /// <summary>
    /// Takes a workflow step: submit, withdraw, startScreening, returnForRevision, declareIneligible,
    /// forwardToCommittee, resubmit. An incomplete note's submission is refused with the fields to fix.
    /// </summary>
    public async Task<ConceptNoteResponse> FireAsync(Guid id, string action, FireActionRequest? request,
        WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        var loaded = await ConceptNoteAccess.FindVisibleAsync(id, actor, subjects, db, tracked: true, ct);
        await actions.FireAsync(loaded.Instance, action, actor, request, ct);
        // A step with guards was judged on the note as loaded (completeness, the screening findings): its save checks
        // the note is still that version, so an edit or a finding saved meanwhile makes it a conflict. (Edits and
        // findings hold the instance's state in turn, which covers the other order.) A step without guards, such as
        // a withdrawal, does not depend on the content and is not refused for an edit that came first.
        if (engine.DefinitionOf(loaded.Instance).FindAction(action) is { Guards.Count: > 0 })
            db.Entry(loaded.Note).Property(n => n.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
        return await ConceptNoteAccess.DescribeAsync(loaded, actor, db, engine, ct);
    }

    /// <summary>Every step of the note, oldest first.</summary>
    public async Task<List<JournalEntryResponse>> HistoryAsync(Guid id, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        var loaded = await ConceptNoteAccess.FindVisibleAsync(id, actor, subjects, db, tracked: false, ct);
        return await WorkflowJournalReader.ReadAsync(loaded.Instance, db, engine, ct);
    }
}
