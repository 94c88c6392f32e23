using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustFundManager.Domain.Common;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Workflows;

/// <summary>
/// Fires the timers that are due, each in its own transaction. A timer fires once: its instance's version and
/// its own change with the step, so when two services take the same timer the second save fails and is skipped.
/// </summary>
public sealed partial class WorkflowTimerProcessor(
    DbContext db,
    WorkflowEngine engine,
    TimeProvider timeProvider,
    ILogger<WorkflowTimerProcessor> logger)
{
    public const int BatchSize = 100;

    /// <summary>Fires due timers until none is left; returns how many this call closed.</summary>
    public async Task<int> FireDueTimersAsync(CancellationToken cancellationToken)
    {
        var closed = 0;
        while (true)
        {
            var now = timeProvider.GetUtcNow();
            var due = await db.Set<WorkflowTimer>().AsNoTracking()
                .Where(t => t.Status == WorkflowTimerStatus.Pending && t.DueAt <= now)
                .OrderBy(t => t.DueAt).Select(t => t.Id).Take(BatchSize).ToListAsync(cancellationToken);

            var closedInBatch = 0;
            foreach (var timerId in due)
                if (await TryFireAsync(timerId, cancellationToken)) closedInBatch++;
            closed += closedInBatch;

            // A batch in which every timer was taken by another service: leave the rest to it.
            if (due.Count < BatchSize || closedInBatch == 0) return closed;
        }
    }

    private async Task<bool> TryFireAsync(Guid timerId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var timer = await db.Set<WorkflowTimer>().Include(t => t.Instance)
            .SingleAsync(t => t.Id == timerId, cancellationToken);
        if (timer.Status != WorkflowTimerStatus.Pending) return false;

        var now = timeProvider.GetUtcNow();
        try
        {
            var instance = timer.Instance!;
            if (instance.State != timer.State)
                timer.Close(WorkflowTimerStatus.Cancelled, $"The state '{timer.State}' was left before the timer was due.", now);
            else
            {
                timer.Close(WorkflowTimerStatus.Fired, null, now);
                await engine.FireAsync(instance, timer.Action, WorkflowActor.System, null, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            LogFired(timer.Id, timer.Action, instance.Id, timer.Status);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            LogTakenElsewhere(timer.Id);
            return false;
        }
        catch (DbUpdateException e)
        {
            // Most often the same step journaled by another service first (a unique key); otherwise the timer
            // stays pending and the next poll tries again.
            LogSaveRefused(e, timer.Id);
            return false;
        }
        catch (DomainException refused)
        {
            return await MarkFailedAsync(timerId, refused.Message, cancellationToken);
        }
    }

    private async Task<bool> MarkFailedAsync(Guid timerId, string reason, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var timer = await db.Set<WorkflowTimer>().SingleAsync(t => t.Id == timerId, cancellationToken);
        if (timer.Status != WorkflowTimerStatus.Pending) return false;
        timer.Close(WorkflowTimerStatus.Failed, reason, timeProvider.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }

        LogFailed(timerId, reason);
        return true;
    }

    [LoggerMessage(LogLevel.Information, "Timer {TimerId} ({Action}) on workflow instance {InstanceId}: {Status}")]
    private partial void LogFired(Guid timerId, string action, Guid instanceId, WorkflowTimerStatus status);

    [LoggerMessage(LogLevel.Debug, "Timer {TimerId} was closed by another service first")]
    private partial void LogTakenElsewhere(Guid timerId);

    [LoggerMessage(LogLevel.Warning, "Timer {TimerId}: the database refused the step; it stays pending unless another service fired it")]
    private partial void LogSaveRefused(Exception exception, Guid timerId);

    [LoggerMessage(LogLevel.Warning, "Timer {TimerId} is due but its action was refused: {Reason}")]
    private partial void LogFailed(Guid timerId, string reason);
}
