using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Infrastructure.ConceptNotes;

/// <summary>The guard and effect names that <c>workflows/concept-note.v2.json</c> uses.</summary>
public static class ConceptNoteWorkflowSteps
{
    public const string Complete = "conceptNoteComplete";
    public const string ScreeningPassed = "screeningChecklistPassed";
    public const string KeepSubmittedVersion = "keepSubmittedVersion";
    public const string CloseScreeningRound = "closeScreeningRound";

    /// <summary>The instance's note: the one this unit of work already holds (perhaps not saved yet), or from the database.</summary>
    internal static async Task<ConceptNote> NoteOfAsync(TrustFundDbContext db, WorkflowStepContext step,
        CancellationToken cancellationToken) =>
        db.ConceptNotes.Local.FirstOrDefault(n => n.Id == step.Instance.SubjectId)
        ?? await db.ConceptNotes.WithDetails().SingleOrDefaultAsync(n => n.Id == step.Instance.SubjectId, cancellationToken)
        ?? throw new InvalidOperationException($"Workflow instance {step.Instance.Id} has no concept note {step.Instance.SubjectId}.");
}

/// <summary>Submission needs a complete note that keeps every rule, under the settings of the day.</summary>
public sealed class ConceptNoteCompleteGuard(TrustFundDbContext db, ConceptNoteRulesReader rules) : IWorkflowGuard
{
    public async ValueTask<UnmetGuard?> CheckAsync(WorkflowStepContext step, CancellationToken cancellationToken)
    {
        var note = await ConceptNoteWorkflowSteps.NoteOfAsync(db, step, cancellationToken);
        var problems = note.SubmissionProblems(await rules.ReadAsync(cancellationToken));
        return problems.Count == 0
            ? null
            : new UnmetGuard(
                $"the concept note is not complete ({string.Join(", ", problems.Keys.Order(StringComparer.Ordinal))})",
                problems);
    }
}

/// <summary>Forwarding to the committee needs every checklist item of the current round recorded as passed.</summary>
public sealed class ScreeningChecklistPassedGuard(TrustFundDbContext db) : IWorkflowGuard
{
    public async ValueTask<UnmetGuard?> CheckAsync(WorkflowStepContext step, CancellationToken cancellationToken)
    {
        var note = await ConceptNoteWorkflowSteps.NoteOfAsync(db, step, cancellationToken);
        var open = note.ScreeningItemsNotPassed();
        return open.Count == 0 ? null : $"the screening checklist is not passed ({string.Join(", ", open)})";
    }
}

/// <summary>On entering 'submitted': counts the submission and keeps what was submitted as a new version.</summary>
public sealed class KeepSubmittedVersionEffect(TrustFundDbContext db) : IWorkflowEffect
{
    public async Task RunAsync(WorkflowStepContext step, CancellationToken cancellationToken)
    {
        var note = await ConceptNoteWorkflowSteps.NoteOfAsync(db, step, cancellationToken);
        db.ConceptNoteVersions.Add(note.RecordSubmission(step.Actor.UserId, step.Actor.DisplayName, step.Action.Name, step.At));
    }
}

/// <summary>On leaving screening (forwarded, returned, ineligible): the round ends.</summary>
public sealed class CloseScreeningRoundEffect(TrustFundDbContext db) : IWorkflowEffect
{
    public async Task RunAsync(WorkflowStepContext step, CancellationToken cancellationToken)
    {
        if (!step.Action.From.Contains(ConceptNoteStatus.Screening)) return;
        var note = await ConceptNoteWorkflowSteps.NoteOfAsync(db, step, cancellationToken);
        note.CloseScreeningRound(step.Actor.UserId, step.At);
    }
}
