using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Definitions;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Application.Workflows;

public sealed record WorkflowReference(string Id, int Version);

public sealed record SubjectReference(string Type, Guid Id, string Title);

public sealed record StateReference(string Name, string Title, bool Terminal);

public sealed record AllowedActionResponse(string Name, string Title, string? To, bool CommentRequired, bool Enabled,
    IReadOnlyList<string> BlockedBy, string Method, string Href);

public sealed record OpenTaskResponse(Guid Id, string Title, IReadOnlyList<string> Roles, DateTimeOffset OpenedAt);

public sealed record PendingTimerResponse(string Action, DateTimeOffset DueAt);

public sealed record WorkflowInstanceResponse(
    Guid Id,
    WorkflowReference Workflow,
    SubjectReference Subject,
    StateReference State,
    Guid Version,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<AllowedActionResponse> AllowedActions,
    IReadOnlyList<OpenTaskResponse> OpenTasks,
    IReadOnlyList<PendingTimerResponse> PendingTimers,
    string HistoryHref);

public sealed record JournalEntryResponse(
    int Step,
    string Action,
    string ActionTitle,
    string? From,
    string To,
    string Actor,
    string ActorName,
    IReadOnlyList<string> Roles,
    string? Comment,
    DateTimeOffset At,
    int WorkflowVersion);

public static class WorkflowInstanceLinks
{
    public static string Instance(Guid id) => $"/api/workflow-instances/{id}";
    public static string History(Guid id) => $"{Instance(id)}/history";
    public static string Action(Guid id, string action) => $"{Instance(id)}/actions/{action}";

    public static AllowedActionResponse ToResponse(this AvailableAction available, Guid instanceId) =>
        new(available.Action.Name, available.Action.Title, available.Action.To, available.Action.CommentRequired,
            available.BlockedBy.Count == 0, available.BlockedBy, "POST", Action(instanceId, available.Action.Name));

    public static string ActionTitle(this WorkflowDefinition definition, string action) =>
        action == WorkflowJournalEntry.StartAction ? "Start" : definition.FindAction(action)?.Title ?? action;
}
