using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Domain.Access;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Infrastructure.ConceptNotes;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Application.ConceptNotes;

/// <summary>A concept note the caller may see, with its workflow.</summary>
internal sealed record LoadedConceptNote(ConceptNote Note, WorkflowInstance Instance);

/// <summary>
/// Who may see and edit a concept note, where it lives, and how it reads. Other features link to a note with
/// <see cref="Href"/> and start its workflow with <see cref="ScopeOf"/>.
/// </summary>
public static class ConceptNoteAccess
{
    public static string Href(Guid id) => $"/api/concept-notes/{id}";

    /// <summary>Whose note it is: the submitting government's country, and the organizations that would take part.</summary>
    public static WorkflowScope ScopeOf(ConceptNote note) => new([note.Country], note.Organizations);

    /// <summary>
    /// The country whose notes are all a caller could see, when the caller sees notes only as that country's
    /// government: its workflow scope is the note's country (<see cref="ScopeOf"/>), so a list narrows the notes by
    /// their indexed country before it checks their workflows. Null for everyone else.
    /// </summary>
    public static string? OnlyCountrySeenBy(WorkflowActor actor)
    {
        var seesOtherwise = actor.SeesEverything || actor.Roles.Contains(Roles.SteeringCommitteeMember) ||
            (actor.Roles.Contains(Roles.ParticipatingOrganization) && actor.Organization is not null);
        return !seesOtherwise && actor.Roles.Contains(Roles.GovernmentFocalPoint) ? actor.Country : null;
    }

    /// <summary>The FMU, or the government whose note it is.</summary>
    internal static bool MayEdit(WorkflowActor actor, LoadedConceptNote loaded) =>
        actor.ActsAs(Roles.FundManager, loaded.Instance) || actor.ActsAs(Roles.GovernmentFocalPoint, loaded.Instance);

    /// <summary>The note and its workflow, when the caller may see them.</summary>
    /// <exception cref="NotFoundException">There is no such note, or the caller may not see it.</exception>
    internal static async Task<LoadedConceptNote> FindVisibleAsync(Guid id, WorkflowActor actor,
        WorkflowSubjects subjects, TrustFundDbContext db, bool tracked, CancellationToken ct)
    {
        var notFound = $"There is no concept note {id}.";
        var instance = await subjects.FindVisibleAsync(ConceptNoteStatus.WorkflowId, id, actor, tracked, notFound, ct);
        var notes = tracked ? db.ConceptNotes : db.ConceptNotes.AsNoTracking();
        var note = await notes.WithDetails().SingleOrDefaultAsync(n => n.Id == id, ct)
                   ?? throw new NotFoundException(notFound);
        return new LoadedConceptNote(note, instance);
    }

    internal static ConceptNoteStatusResponse StatusOf(WorkflowEngine engine, WorkflowInstance instance)
    {
        var state = engine.DefinitionOf(instance).State(instance.State);
        return new ConceptNoteStatusResponse(state.Name, state.Title, state.Terminal);
    }

    /// <summary>The note as the caller reads it: its content, status, what the caller may do, and where to go next.</summary>
    internal static async Task<ConceptNoteResponse> DescribeAsync(LoadedConceptNote loaded, WorkflowActor actor,
        TrustFundDbContext db, WorkflowEngine engine, CancellationToken ct)
    {
        var (note, instance) = loaded;
        var content = note.Content;
        var href = Href(note.Id);
        var allowed = await engine.AvailableActionsAsync(instance, actor, ct);
        var programme = await db.JointProgrammes.Where(p => p.ConceptNoteId == note.Id).Select(p => (Guid?)p.Id)
            .SingleOrDefaultAsync(ct);
        // Ordered here, not in SQL: an ORDER BY would lead SQLite to the index of all open tasks by opening time
        // instead of this instance's few.
        var tasks = (await db.WorkflowTasks.AsNoTracking()
            .Where(t => t.InstanceId == instance.Id && t.ClosedAt == null).ToListAsync(ct))
            .OrderBy(t => t.OpenedAt).ToList();

        return new ConceptNoteResponse(note.Id, content.Title, content.Summary, content.Country, content.OtherCountries,
            note.Region, content.ThematicAreaNumber, content.GcmObjectives, content.GuidingPrinciples, content.Budget,
            content.TotalRequestedUsd, content.DurationMonths, content.Partners, content.Markers, content.Contact,
            content.Endorsement, StatusOf(engine, instance), note.Version, instance.Id, instance.Version,
            note.SubmissionCount, note.FirstSubmittedAt, note.LastSubmittedAt, note.LastScreenedAt,
            note.CreatedAt, note.CreatedBy, note.UpdatedAt, note.UpdatedBy,
            allowed.Select(a => new AllowedActionResponse(a.Action.Name, a.Action.Title, a.Action.To,
                a.Action.CommentRequired, a.BlockedBy.Count == 0, a.BlockedBy, "POST", $"{href}/actions/{a.Action.Name}"))
                .ToList(),
            tasks.Select(t => new OpenTaskResponse(t.Id, t.Title, t.RoleNames, t.OpenedAt)).ToList(),
            new ConceptNoteLinks(href, WorkflowInstanceLinks.Instance(instance.Id), $"{href}/history",
                $"{href}/versions", $"{href}/screening",
                programme is { } programmeId ? Funding.JointProgrammeViews.Href(programmeId) : null));
    }
}
