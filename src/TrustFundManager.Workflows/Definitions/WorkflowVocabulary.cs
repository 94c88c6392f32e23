namespace TrustFundManager.Workflows.Definitions;

/// <summary>
/// The names a definition may use: roles, guards, effects, the fund settings that hold durations, the deadlines a
/// resource keeps (for timers) and the ways of naming a task's assignees; and the <see cref="Contracts"/>: the states
/// and actions each workflow must have because the code relies on them.
/// </summary>
public sealed record WorkflowVocabulary(
    IReadOnlySet<string> Roles,
    IReadOnlySet<string> Guards,
    IReadOnlySet<string> Effects,
    IReadOnlySet<string> DurationSettings,
    IReadOnlySet<string>? Deadlines = null,
    IReadOnlySet<string>? Assignees = null,
    IReadOnlyList<WorkflowContract>? Contracts = null)
{
    public IReadOnlyList<WorkflowContract> KnownContracts => Contracts ?? [];

    public IReadOnlySet<string> KnownDeadlines => Deadlines ?? new HashSet<string>();
    public IReadOnlySet<string> KnownAssignees => Assignees ?? new HashSet<string>();
}
