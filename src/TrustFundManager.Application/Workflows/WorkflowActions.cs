using TrustFundManager.Domain.Common;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Application.Workflows;

/// <summary>
/// The one way in for a workflow action, whichever route or page fires it: the action must exist in the record's
/// workflow (404), the version the caller read must still be current (409), and then the engine checks role and
/// scope (403), the state, a required comment and the guards (409, with field errors when a guard names them).
/// </summary>
public sealed class WorkflowActions(WorkflowEngine engine)
{
    /// <summary>Takes the step on the tracked <paramref name="instance"/>; the caller saves.</summary>
    public async Task<WorkflowJournalEntry> FireAsync(WorkflowInstance instance, string action, WorkflowActor actor,
        FireActionRequest? request, CancellationToken ct)
    {
        var definition = engine.DefinitionOf(instance);
        var step = definition.FindAction(action)
                   ?? throw new NotFoundException($"The {definition.Title.ToLowerInvariant()} workflow has no action '{action}'.");
        if (request?.Version is { } version && version != instance.Version)
            throw DomainConflictException.StaleVersion(
                $"This {definition.Title.ToLowerInvariant()} has changed since you read it; read it again before acting.",
                instance.Version);
        return await engine.FireAsync(instance, step.Name, actor, request?.Comment, ct);
    }
}
