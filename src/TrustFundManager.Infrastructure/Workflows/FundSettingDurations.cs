using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Infrastructure.Workflows;

/// <summary>
/// The fund settings a timer may name instead of a fixed duration. The duration is read when the timer starts,
/// so a later change of the setting does not move timers already running.
/// </summary>
public sealed class FundSettingDurations(TrustFundDbContext db) : IWorkflowDurationSettings
{
    private static readonly Dictionary<string, Func<FundSettings, TimeSpan>> Durations = new(StringComparer.Ordinal)
    {
        ["revisionPeriodDays"] = settings => TimeSpan.FromDays(settings.RevisionPeriodDays),
    };

    public IReadOnlySet<string> Names { get; } = Durations.Keys.ToHashSet(StringComparer.Ordinal);

    public async Task<TimeSpan> ResolveAsync(string name, CancellationToken cancellationToken)
    {
        if (!Durations.TryGetValue(name, out var duration))
            throw new InvalidOperationException($"'{name}' is not a duration setting.");
        return duration(await db.FundSettings.AsNoTracking().SingleAsync(cancellationToken));
    }
}
