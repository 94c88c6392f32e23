using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Infrastructure.Committee;

/// <summary>The names <c>workflows/ballot.v1.json</c> uses, and the concept-note actions a decision fires.</summary>
public static class BallotWorkflowSteps
{
    public const string WorkflowId = "ballot";
    public const string CloseAtDeadline = "close";
    public const string Deadline = "ballotDeadline";
    public const string Voters = "ballotVoters";
    public const string EveryoneVoted = "everyEligibleMemberVoted";
    public const string Decide = "decideBallot";
    public const string CallOff = "cancelBallot";

    /// <summary>The task a member's vote completes, named in the task's closing.</summary>
    public const string VotedOnEverything = "vote";

    /// <summary>The concept-note action a decision takes, as the committee's act.</summary>
    public static string ConceptNoteActionFor(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Approved or DecisionOutcome.ApprovedWithConditions => "approve",
        DecisionOutcome.Rejected => "reject",
        _ => "defer",
    };

    internal static async Task<Ballot> BallotOfAsync(TrustFundDbContext db, WorkflowInstance instance,
        CancellationToken cancellationToken) =>
        db.Ballots.Local.FirstOrDefault(b => b.Id == instance.SubjectId)
        ?? await db.Ballots.WithPapers().SingleOrDefaultAsync(b => b.Id == instance.SubjectId, cancellationToken)
        ?? throw new InvalidOperationException($"Workflow instance {instance.Id} has no ballot {instance.SubjectId}.");
}

public static class BallotQueries
{
    /// <summary>A ballot with everything its rules read: items, papers, votes and recusals.</summary>
    public static IQueryable<Ballot> WithPapers(this IQueryable<Ballot> ballots) =>
        ballots.Include(b => b.Items).Include(b => b.Papers).ThenInclude(p => p.Votes)
            .Include(b => b.Papers).ThenInclude(p => p.Recusals).AsSplitQuery();
}

/// <summary>The ballot's deadline: when its closing timer is due.</summary>
public sealed class BallotDeadline(TrustFundDbContext db) : IWorkflowDeadline
{
    public async Task<DateTimeOffset> ResolveAsync(WorkflowInstance instance, CancellationToken cancellationToken) =>
        (await BallotWorkflowSteps.BallotOfAsync(db, instance, cancellationToken)).Deadline;
}

/// <summary>Every member holding a paper gets a task of their own, unless recused from every item.</summary>
public sealed class BallotVoters(TrustFundDbContext db) : IWorkflowAssignees
{
    public async Task<IReadOnlyList<string>> ResolveAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        var ballot = await BallotWorkflowSteps.BallotOfAsync(db, instance, cancellationToken);
        return ballot.Papers.Where(p => !ballot.HasNothingLeft(p)).Select(p => p.UserId).ToList();
    }
}

/// <summary>
/// The FMU closes early only once every member still serving has voted on every item they are not recused from.
/// </summary>
public sealed class EveryEligibleMemberVotedGuard(TrustFundDbContext db) : IWorkflowGuard
{
    public async ValueTask<UnmetGuard?> CheckAsync(WorkflowStepContext step, CancellationToken cancellationToken)
    {
        var ballot = await BallotWorkflowSteps.BallotOfAsync(db, step.Instance, cancellationToken);
        var waiting = ballot.WaitingOn(DateOnly.FromDateTime(step.At.UtcDateTime)).Select(p => p.MemberName).ToList();
        return waiting.Count == 0 ? null : $"{waiting.Count} members have not voted on every item yet ({string.Join(", ", waiting)})";
    }
}

/// <summary>
/// On closing: decides each item by the ballot's rule, records the decisions and moves each concept note as the
/// committee's act (approve, reject or defer, fired by the system).
/// </summary>
public sealed class DecideBallotEffect(TrustFundDbContext db) : IWorkflowEffect
{
    public async Task RunAsync(WorkflowStepContext step, CancellationToken cancellationToken)
    {
        var ballot = await BallotWorkflowSteps.BallotOfAsync(db, step.Instance, cancellationToken);
        var noteIds = ballot.Items.Select(i => i.ConceptNoteId).ToList();
        var notes = await db.WorkflowInstances
            .Where(i => i.DefinitionId == ConceptNoteStatus.WorkflowId && noteIds.Contains(i.SubjectId))
            .ToDictionaryAsync(i => i.SubjectId, cancellationToken);
        foreach (var decision in ballot.Close(step.At))
        {
            db.CommitteeDecisions.Add(decision);
            await step.Engine.FireAsync(notes[decision.ConceptNoteId], BallotWorkflowSteps.ConceptNoteActionFor(decision.Outcome),
                WorkflowActor.System, JournalComment(ballot, decision), cancellationToken);
        }
    }

    private static string JournalComment(Ballot ballot, CommitteeDecision decision)
    {
        var conditions = decision.Conditions.Count > 0 ? $" Conditions: {string.Join(" | ", decision.Conditions)}" : "";
        var text = $"Steering Committee decision on the ballot '{ballot.Title}': {decision.Outcome}. {decision.Rationale}{conditions}";
        return text.Length > WorkflowJournalEntry.CommentMaxLength ? text[..WorkflowJournalEntry.CommentMaxLength] : text;
    }
}

/// <summary>On cancelling: the ballot decides nothing and its concept notes are free for another ballot.</summary>
public sealed class CancelBallotEffect(TrustFundDbContext db) : IWorkflowEffect
{
    public async Task RunAsync(WorkflowStepContext step, CancellationToken cancellationToken) =>
        (await BallotWorkflowSteps.BallotOfAsync(db, step.Instance, cancellationToken)).Cancel(step.At);
}
