namespace TrustFundManager.Workflows.Instances;

/// <summary>
/// A bookmark: the instance waits in a state for one of the named roles to act. Opened when the state is
/// entered, closed when it is left.
/// </summary>
public sealed class WorkflowTask
{
    private WorkflowTask()
    {
        State = Title = Roles = string.Empty;
    }

    internal WorkflowTask(WorkflowInstance instance, string title, IEnumerable<string> roles, DateTimeOffset now,
        string? assignedTo = null)
    {
        AssignedTo = assignedTo;
        Id = Guid.CreateVersion7(now);
        InstanceId = instance.Id;
        State = instance.State;
        Title = title;
        Roles = $";{string.Join(';', roles.Distinct())};";
        OpenedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid InstanceId { get; private set; }
    public WorkflowInstance? Instance { get; private set; }
    public string State { get; private set; }
    public string Title { get; private set; }

    /// <summary>Role names between separators (";FundManager;"), so that the inbox finds them with one LIKE.</summary>
    public string Roles { get; private set; }

    /// <summary>The one person the task is for (their sign-in id), when the state names its assignees.</summary>
    public string? AssignedTo { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedByAction { get; private set; }
    public string? ClosedBy { get; private set; }

    public bool IsOpen => ClosedAt is null;

    public static string RoleToken(string role) => $";{role};";

    public IReadOnlyList<string> RoleNames => Roles.Split(';', StringSplitOptions.RemoveEmptyEntries);

    internal void Close(string action, string actor, DateTimeOffset now)
    {
        ClosedAt = now;
        ClosedByAction = action;
        ClosedBy = actor;
    }
}
