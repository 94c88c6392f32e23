using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Domain.Common;
using TrustFundManager.Workflows.Definitions;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Workflows;

/// <summary>An action the caller may fire now, or could once what <see cref="BlockedBy"/> names is done.</summary>
public sealed record AvailableAction(ActionDefinition Action, IReadOnlyList<string> BlockedBy);

/// <summary>
/// Starts instances and takes steps. Each step changes tracked entities only (the instance, its journal,
/// tasks and timers, and whatever the entry effects touch); the caller saves them in one SaveChanges, so a
/// step is one transaction, and the instance's version makes the loser of two simultaneous steps fail.
/// </summary>
public sealed class WorkflowEngine(
    DbContext db,
    WorkflowCatalog catalog,
    IServiceProvider services,
    IWorkflowDurationSettings durationSettings,
    TimeProvider timeProvider)
{
    public WorkflowDefinition DefinitionOf(WorkflowInstance instance) =>
        catalog.Get(instance.DefinitionId, instance.DefinitionVersion);

    /// <summary>Starts a workflow for a new resource on the latest version of its definition.</summary>
    public async Task<WorkflowInstance> StartAsync(string definitionId, Guid subjectId, string subjectTitle,
        WorkflowScope scope, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var definition = catalog.Latest(definitionId);
        var now = timeProvider.GetUtcNow();
        var instance = new WorkflowInstance(definition.Id, definition.Version, subjectId, subjectTitle, scope,
            definition.InitialState, now);
        db.Add(instance);
        db.Add(new WorkflowJournalEntry(instance, instance.Step, WorkflowJournalEntry.StartAction, null, actor, null, now));

        var initial = definition.State(definition.InitialState);
        var start = new ActionDefinition
        {
            Name = WorkflowJournalEntry.StartAction, Title = "Start", From = [], To = initial.Name, Roles = [],
        };
        await RunEntryEffectsAsync(new WorkflowStepContext(definition, instance, start, actor, null, now, this), initial,
            cancellationToken);
        await OpenWaitsAsync(definition, instance, now, cancellationToken);
        return instance;
    }

    /// <summary>Fires <paramref name="actionName"/> on <paramref name="instance"/> as <paramref name="actor"/>.</summary>
    /// <exception cref="ActionNotPermittedException">The actor holds no role that may fire the action here.</exception>
    /// <exception cref="InvalidChangeException">A required comment is missing.</exception>
    /// <exception cref="DomainConflictException">The state does not allow the action, or a guard is unmet.</exception>
    public async Task<WorkflowJournalEntry> FireAsync(WorkflowInstance instance, string actionName, WorkflowActor actor,
        string? comment, CancellationToken cancellationToken)
    {
        var definition = DefinitionOf(instance);
        var action = definition.FindAction(actionName)
                     ?? throw new InvalidOperationException($"Workflow {definition.Id} has no action '{actionName}'.");

        if (!actor.MayFire(action, instance))
            throw new ActionNotPermittedException(
                $"'{action.Title}' may be done only by {string.Join(" or ", action.Roles)}" +
                (action.Roles.Any(r => r is Domain.Access.Roles.GovernmentFocalPoint or Domain.Access.Roles.ParticipatingOrganization)
                    ? " of this resource." : "."));
        if (action.CommentRequired && string.IsNullOrWhiteSpace(comment))
            throw new InvalidChangeException("comment", $"A comment is required to '{action.Title}'.");
        if (comment is { Length: > WorkflowJournalEntry.CommentMaxLength })
            throw new InvalidChangeException("comment",
                $"The comment must be {WorkflowJournalEntry.CommentMaxLength} characters or fewer.");

        var from = instance.State;
        if (!action.From.Contains(from))
            throw new DomainConflictException(
                $"'{action.Title}' is not possible while the {definition.Title.ToLowerInvariant()} is " +
                $"'{definition.State(from).Title}'.");

        var now = timeProvider.GetUtcNow();
        var step = new WorkflowStepContext(definition, instance, action, actor, comment, now, this);
        var unmet = await UnmetGuardsAsync(step, cancellationToken);
        if (unmet.Count > 0)
            throw new DomainConflictException(
                $"'{action.Title}' cannot be done yet: {string.Join("; ", unmet.Values.Select(u => u.Reason))}",
                FieldErrorsOf(unmet.Values));

        var machine = new WorkflowMachine(definition, () => instance.State, state => instance.State = state,
            guardMet: guard => !unmet.ContainsKey(guard),
            onEntry: state => RunEntryEffectsAsync(step, state, cancellationToken));
        if (!machine.CanFire(action.Name, out var stillUnmet))
            throw new DomainConflictException($"'{action.Title}' cannot be done: {string.Join(", ", stillUnmet)}.");

        var leavesState = !action.IsInternal;
        if (leavesState) await CloseWaitsAsync(instance, action.Name, actor, now, cancellationToken);
        await machine.FireAsync(action.Name);

        var entry = new WorkflowJournalEntry(instance, instance.NextStep(now), action.Name, from, actor, comment, now);
        db.Add(entry);
        if (leavesState) await OpenWaitsAsync(definition, instance, now, cancellationToken);
        return entry;
    }

    /// <summary>
    /// Records in the journal something done to the instance's subject that changes no state (an FMU's correction of
    /// locked figures, with its reason): who, when and why stay beside the steps.
    /// </summary>
    public WorkflowJournalEntry Note(WorkflowInstance instance, string action, WorkflowActor actor, string comment)
    {
        if (db.Entry(instance).State == EntityState.Detached) db.Attach(instance);
        var now = timeProvider.GetUtcNow();
        var text = comment.Length > WorkflowJournalEntry.CommentMaxLength ? comment[..WorkflowJournalEntry.CommentMaxLength] : comment;
        var entry = new WorkflowJournalEntry(instance, instance.NextStep(now), action, instance.State, actor, text, now);
        db.Add(entry);
        return entry;
    }

    /// <summary>
    /// Makes a change that the instance's state allowed (an edit in draft, a transfer while active) hold only if no
    /// step leaves that state before it is saved: the save then checks the instance's version, so a step taken in
    /// between makes it fail with a concurrency conflict, as the second of two simultaneous steps does. Without this, a
    /// change that touches only its own rows could land after the step that forbids it.
    /// </summary>
    public void HoldState(WorkflowInstance instance)
    {
        var entry = db.Entry(instance);
        if (entry.State == EntityState.Detached) entry.State = EntityState.Unchanged;
        entry.Property(i => i.Version).IsModified = true;
    }

    /// <summary>
    /// The actions the actor may fire in the instance's current state, with what blocks each (guards unmet).
    /// </summary>
    public async Task<IReadOnlyList<AvailableAction>> AvailableActionsAsync(WorkflowInstance instance,
        WorkflowActor actor, CancellationToken cancellationToken)
    {
        var definition = DefinitionOf(instance);
        var available = new List<AvailableAction>();
        foreach (var action in definition.ActionsFrom(instance.State).Where(a => actor.MayFire(a, instance)))
        {
            var unmet = await UnmetGuardsAsync(new WorkflowStepContext(definition, instance, action, actor, null,
                    timeProvider.GetUtcNow(), this),
                cancellationToken);
            available.Add(new AvailableAction(action, unmet.Values.Select(u => u.Reason).ToList()));
        }

        return available;
    }

    private async Task<Dictionary<string, UnmetGuard>> UnmetGuardsAsync(WorkflowStepContext step,
        CancellationToken cancellationToken)
    {
        var unmet = new Dictionary<string, UnmetGuard>(StringComparer.Ordinal);
        foreach (var name in step.Action.Guards)
        {
            var guard = services.GetRequiredKeyedService<IWorkflowGuard>(name);
            if (await guard.CheckAsync(step, cancellationToken) is { } missing) unmet[name] = missing;
        }

        return unmet;
    }

    /// <summary>The unmet guards' field errors together, or null when none names a field.</summary>
    private static Dictionary<string, string[]>? FieldErrorsOf(IEnumerable<UnmetGuard> unmet)
    {
        var errors = unmet.Where(u => u.FieldErrors is not null).SelectMany(u => u.FieldErrors!)
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).Distinct().ToArray(), StringComparer.Ordinal);
        return errors.Count == 0 ? null : errors;
    }

    private async Task RunEntryEffectsAsync(WorkflowStepContext step, StateDefinition state,
        CancellationToken cancellationToken)
    {
        foreach (var name in state.OnEntry)
            await services.GetRequiredKeyedService<IWorkflowEffect>(name).RunAsync(step, cancellationToken);
    }

    /// <summary>Opens the task and starts the timers of the state the instance is now in.</summary>
    private async Task OpenWaitsAsync(WorkflowDefinition definition, WorkflowInstance instance, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var state = definition.State(instance.State);
        instance.ShowTo(state.VisibleTo);
        if (state.Task is { Assignees: null } task) db.Add(new WorkflowTask(instance, task.Title, task.Roles, now));
        else if (state.Task is { Assignees: { } assignees } assigned)
            foreach (var userId in await services.GetRequiredKeyedService<IWorkflowAssignees>(assignees)
                         .ResolveAsync(instance, cancellationToken))
                db.Add(new WorkflowTask(instance, assigned.Title, assigned.Roles, now, userId));

        foreach (var timer in state.Timers)
        {
            var dueAt = timer switch
            {
                { At: { } deadline } => await services.GetRequiredKeyedService<IWorkflowDeadline>(deadline)
                    .ResolveAsync(instance, cancellationToken),
                { After: { } after } when IsoDuration.TryParse(after, out var fixedDuration) => now + fixedDuration,
                _ => now + await durationSettings.ResolveAsync(timer.AfterSetting!, cancellationToken),
            };
            db.Add(new WorkflowTimer(instance, timer.Fire, dueAt, now));
        }
    }

    /// <summary>
    /// Closes the open task assigned to one person (they did their part) while the instance stays in its state.
    /// Touches the task only, so people finishing their parts at the same moment do not get in each other's way.
    /// </summary>
    public async Task CompleteAssignedTaskAsync(WorkflowInstance instance, string userId, string doneBy,
        CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var open = await db.Set<WorkflowTask>()
            .Where(t => t.InstanceId == instance.Id && t.AssignedTo == userId && t.ClosedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var task in open) task.Close(doneBy, userId, now);
    }

    /// <summary>
    /// Closes the open tasks and cancels the pending timers of the state being left: those saved, and those this
    /// unit of work opened and has not saved yet (several steps taken before one SaveChanges).
    /// </summary>
    private async Task CloseWaitsAsync(WorkflowInstance instance, string action, WorkflowActor actor,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tasks = db.Set<WorkflowTask>();
        var saved = await tasks.Where(t => t.InstanceId == instance.Id && t.ClosedAt == null).ToListAsync(cancellationToken);
        foreach (var task in saved.Union(tasks.Local.Where(t => t.InstanceId == instance.Id && t.IsOpen)).ToList())
            task.Close(action, actor.UserId, now);

        var timers = db.Set<WorkflowTimer>();
        var pending = await timers.Where(t => t.InstanceId == instance.Id && t.Status == WorkflowTimerStatus.Pending)
            .ToListAsync(cancellationToken);
        foreach (var timer in pending.Union(timers.Local.Where(t => t.InstanceId == instance.Id))
                     .Where(t => t.Status == WorkflowTimerStatus.Pending).ToList())
            timer.Close(WorkflowTimerStatus.Cancelled, $"'{action}' left the state before the timer was due.", now);
    }
}
