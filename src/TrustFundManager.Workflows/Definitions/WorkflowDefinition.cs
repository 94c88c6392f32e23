using System.Text.Json.Serialization;

namespace TrustFundManager.Workflows.Definitions;

/// <summary>
/// One version of a workflow, as written in <c>workflows/&lt;id&gt;.v&lt;N&gt;.json</c>. A published version never
/// changes: a change is a new file with the next version.
/// </summary>
public sealed record WorkflowDefinition
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>Lower-case words joined by hyphens; also the kind of resource the workflow drives.</summary>
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required string InitialState { get; init; }
    public required IReadOnlyList<StateDefinition> States { get; init; }
    public required IReadOnlyList<ActionDefinition> Actions { get; init; }

    public StateDefinition? FindState(string name) => States.FirstOrDefault(s => s.Name == name);
    public ActionDefinition? FindAction(string name) => Actions.FirstOrDefault(a => a.Name == name);

    public StateDefinition State(string name) =>
        FindState(name) ?? throw new InvalidOperationException($"Workflow {Id} v{Version} has no state '{name}'.");

    public IEnumerable<ActionDefinition> ActionsFrom(string state) => Actions.Where(a => a.From.Contains(state));
}

public sealed record StateDefinition
{
    public required string Name { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }

    /// <summary>A terminal state ends the workflow: no action leaves it, no task or timer waits in it.</summary>
    public bool Terminal { get; init; }

    /// <summary>
    /// Roles that may see a resource in this state, within their scope (a government its own country's, an
    /// organization those it takes part in). The FMU and administrators always see everything.
    /// </summary>
    public IReadOnlyList<string> VisibleTo { get; init; } = [];

    /// <summary>The task that waits in this state, in the inbox of the roles that act next.</summary>
    public TaskDefinition? Task { get; init; }

    public IReadOnlyList<TimerDefinition> Timers { get; init; } = [];

    /// <summary>Effects run, in order, when the state is entered.</summary>
    public IReadOnlyList<string> OnEntry { get; init; } = [];
}

public sealed record TaskDefinition
{
    public required string Title { get; init; }
    public required IReadOnlyList<string> Roles { get; init; }

    /// <summary>
    /// When set, the name of a resolver that lists the people the task is for: each gets a task of their own, which
    /// only they see (among those holding one of <see cref="Roles"/>).
    /// </summary>
    public string? Assignees { get; init; }
}

/// <summary>Fires <see cref="Fire"/> as the system once the state has lasted a fixed or a configured time.</summary>
public sealed record TimerDefinition
{
    /// <summary>An ISO 8601 duration in weeks, days, hours, minutes or seconds, such as <c>P14D</c>.</summary>
    public string? After { get; init; }

    /// <summary>The name of a fund setting that holds the duration, such as <c>revisionPeriodDays</c>.</summary>
    public string? AfterSetting { get; init; }

    /// <summary>The name of a deadline the resource keeps (such as a ballot's <c>ballotDeadline</c>): the timer is due then.</summary>
    public string? At { get; init; }

    public required string Fire { get; init; }
}

public sealed record ActionDefinition
{
    public required string Name { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<string> From { get; init; }

    /// <summary>The state the action leads to; none for an internal action, which keeps the state.</summary>
    public string? To { get; init; }

    /// <summary>Roles allowed to fire the action; <c>System</c> for the application itself (timers, decisions).</summary>
    public required IReadOnlyList<string> Roles { get; init; }

    /// <summary>Named conditions that must all hold; an unmet one is reported by what it misses.</summary>
    public IReadOnlyList<string> Guards { get; init; } = [];

    public bool CommentRequired { get; init; }

    [JsonIgnore]
    public bool IsInternal => To is null;
}
