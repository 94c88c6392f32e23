using TrustFundManager.Domain.Auditing;

namespace TrustFundManager.Workflows.Instances;

/// <summary>One step of one workflow instance: who did what, from which state to which, when, and why.</summary>
public sealed class WorkflowJournalEntry : IAppendOnlyRecord
{
    /// <summary>The action name of the journal's first entry, when the instance starts.</summary>
    public const string StartAction = "start";
    public const int CommentMaxLength = 4000;

    private WorkflowJournalEntry()
    {
        DefinitionId = Action = ToState = Actor = ActorName = ActorRoles = string.Empty;
    }

    internal WorkflowJournalEntry(WorkflowInstance instance, int step, string action, string? fromState,
        WorkflowActor actor, string? comment, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        InstanceId = instance.Id;
        Step = step;
        DefinitionId = instance.DefinitionId;
        DefinitionVersion = instance.DefinitionVersion;
        Action = action;
        FromState = fromState;
        ToState = instance.State;
        Actor = actor.UserId;
        ActorName = actor.DisplayName;
        ActorRoles = string.Join(',', actor.Roles);
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid InstanceId { get; private set; }

    /// <summary>Unique per instance: the database refuses a second entry for the same step.</summary>
    public int Step { get; private set; }
    public string DefinitionId { get; private set; }
    public int DefinitionVersion { get; private set; }
    public string Action { get; private set; }

    /// <summary>None for the start.</summary>
    public string? FromState { get; private set; }
    public string ToState { get; private set; }
    public string Actor { get; private set; }
    public string ActorName { get; private set; }

    /// <summary>The roles the actor held when acting, comma-separated.</summary>
    public string ActorRoles { get; private set; }
    // Read through the instance's history, with that view's access: the audit log says a step was taken, not why,
    // since the step that records a committee's decision quotes the members' conditions and reasons.
    [AuditWithheld]
    public string? Comment { get; private set; }
    public DateTimeOffset At { get; private set; }
}
