using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TrustFundManager.Workflows;

/// <summary>Looks for due timers at start and then every poll interval, and fires them as the system.</summary>
public sealed partial class WorkflowTimerService(
    IServiceScopeFactory scopes,
    WorkflowOptions options,
    TimeProvider timeProvider,
    ILogger<WorkflowTimerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<WorkflowTimerProcessor>().FireDueTimersAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The next poll tries again: a timer stays pending until it is fired, cancelled or failed.
                LogPollFailed(e);
            }

            try
            {
                await Task.Delay(options.TimerPollInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Looking for due workflow timers failed")]
    private partial void LogPollFailed(Exception exception);
}
