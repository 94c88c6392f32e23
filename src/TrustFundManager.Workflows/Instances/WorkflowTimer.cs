namespace TrustFundManager.Workflows.Instances;

public enum WorkflowTimerStatus
{
    Pending,
    Fired,

    /// <summary>The state was left before the timer was due.</summary>
    Cancelled,

    /// <summary>Due, but its action could not be fired (a guard was unmet); the reason is kept.</summary>
    Failed,
}

/// <summary>An action the application fires itself when a state has lasted long enough.</summary>
public sealed class WorkflowTimer
{
    public const int OutcomeMaxLength = 1000;

    private WorkflowTimer()
    {
        State = Action = string.Empty;
    }

    internal WorkflowTimer(WorkflowInstance instance, string action, DateTimeOffset dueAt, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        InstanceId = instance.Id;
        State = instance.State;
        Action = action;
        DueAt = dueAt;
        Status = WorkflowTimerStatus.Pending;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid InstanceId { get; private set; }
    public WorkflowInstance? Instance { get; private set; }

    /// <summary>The state that started the timer; the timer is cancelled when that state is left.</summary>
    public string State { get; private set; }
    public string Action { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public WorkflowTimerStatus Status { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? Outcome { get; private set; }

    /// <summary>Changes when the timer closes: two services closing it at once cannot both succeed.</summary>
    public Guid Version { get; private set; }

    internal void Close(WorkflowTimerStatus status, string? outcome, DateTimeOffset now)
    {
        if (Status != WorkflowTimerStatus.Pending)
            throw new InvalidOperationException($"Timer {Id} is already {Status}.");
        Status = status;
        ClosedAt = now;
        Outcome = outcome is { Length: > OutcomeMaxLength } ? outcome[..OutcomeMaxLength] : outcome;
        Version = Guid.NewGuid();
    }
}
