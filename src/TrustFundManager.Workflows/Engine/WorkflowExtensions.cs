using TrustFundManager.Workflows.Definitions;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Workflows;

/// <summary>
/// What a guard or an effect knows of the step being taken, and when (the time its journal entry gets). An effect
/// that moves another workflow does it through <see cref="Engine"/>, the engine taking this step: the same unit of
/// work and the same clock.
/// </summary>
public sealed record WorkflowStepContext(
    WorkflowDefinition Definition,
    WorkflowInstance Instance,
    ActionDefinition Action,
    WorkflowActor Actor,
    string? Comment,
    DateTimeOffset At,
    WorkflowEngine Engine);

/// <summary>
/// Why a guard is unmet: what is missing, in words the user can act on, and, where the record itself is at fault
/// (an incomplete concept note), the fields to fix, keyed as a request names them. Every route and page that fires
/// the action then answers with the same field errors.
/// </summary>
public sealed record UnmetGuard(string Reason, IReadOnlyDictionary<string, string[]>? FieldErrors = null)
{
    public static implicit operator UnmetGuard?(string? reason) => reason is null ? null : new UnmetGuard(reason);
}

/// <summary>
/// A named condition an action may require (<c>"guards": ["screeningPassed"]</c>). Registered with
/// <c>AddWorkflowGuard&lt;T&gt;(name)</c>.
/// </summary>
public interface IWorkflowGuard
{
    /// <summary>Null when the condition holds; otherwise what is missing.</summary>
    ValueTask<UnmetGuard?> CheckAsync(WorkflowStepContext step, CancellationToken cancellationToken);
}

/// <summary>
/// Work done when a state is entered (<c>"onEntry": ["keepVersion"]</c>), inside the step's transaction: it
/// changes tracked entities and never saves itself. Registered with <c>AddWorkflowEffect&lt;T&gt;(name)</c>.
/// </summary>
public interface IWorkflowEffect
{
    Task RunAsync(WorkflowStepContext step, CancellationToken cancellationToken);
}

/// <summary>
/// A deadline a resource keeps, named by a timer's <c>at</c> (<c>"at": "ballotDeadline"</c>). Registered with
/// <c>AddWorkflowDeadline&lt;T&gt;(name)</c>; read when the timer starts.
/// </summary>
public interface IWorkflowDeadline
{
    Task<DateTimeOffset> ResolveAsync(WorkflowInstance instance, CancellationToken cancellationToken);
}

/// <summary>
/// The people a task is for, named by a task's <c>assignees</c>: each gets a task of their own. Registered with
/// <c>AddWorkflowAssignees&lt;T&gt;(name)</c>.
/// </summary>
public interface IWorkflowAssignees
{
    /// <summary>The sign-in ids of the assignees.</summary>
    Task<IReadOnlyList<string>> ResolveAsync(WorkflowInstance instance, CancellationToken cancellationToken);
}

/// <summary>Durations kept in the fund's settings, which a timer may name instead of a fixed duration.</summary>
public interface IWorkflowDurationSettings
{
    IReadOnlySet<string> Names { get; }

    Task<TimeSpan> ResolveAsync(string name, CancellationToken cancellationToken);
}
