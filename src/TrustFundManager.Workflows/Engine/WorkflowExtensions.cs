using TrustFundManager.Workflows.Definitions;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Workflows;

/// <summary>What a guard or an effect knows of the step being taken, and when (the time its journal entry gets).</summary>
public sealed record WorkflowStepContext(
    WorkflowDefinition Definition,
    WorkflowInstance Instance,
    ActionDefinition Action,
    WorkflowActor Actor,
    string? Comment,
    DateTimeOffset At);

/// <summary>
/// A named condition an action may require (<c>"guards": ["screeningPassed"]</c>). Registered with
/// <c>AddWorkflowGuard&lt;T&gt;(name)</c>.
/// </summary>
public interface IWorkflowGuard
{
    /// <summary>Null when the condition holds; otherwise what is missing, in words the user can act on.</summary>
    ValueTask<string?> CheckAsync(WorkflowStepContext step, CancellationToken cancellationToken);
}

/// <summary>
/// Work done when a state is entered (<c>"onEntry": ["keepVersion"]</c>), inside the step's transaction: it
/// changes tracked entities and never saves itself. Registered with <c>AddWorkflowEffect&lt;T&gt;(name)</c>.
/// </summary>
public interface IWorkflowEffect
{
    Task RunAsync(WorkflowStepContext step, CancellationToken cancellationToken);
}

/// <summary>Durations kept in the fund's settings, which a timer may name instead of a fixed duration.</summary>
public interface IWorkflowDurationSettings
{
    IReadOnlySet<string> Names { get; }

    Task<TimeSpan> ResolveAsync(string name, CancellationToken cancellationToken);
}
