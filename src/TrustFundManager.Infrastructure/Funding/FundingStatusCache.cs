using Microsoft.EntityFrameworkCore;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Infrastructure.Funding;

/// <summary>
/// The funding status as of a day, summed by <see cref="FundingQueries"/> once per <see cref="MoneyVersion"/> and day.
/// A read looks at the version first; a status is kept only when the version was the same before and after it was
/// summed, so no money change committed while it was being summed, and what is kept is exactly that version's status.
/// Any later committed change has a new version, so no reader after the commit gets a kept figure from before it.
/// </summary>
public sealed class FundingStatusCache(TrustFundDbContext db, FundingQueries queries, FundingStatusCache.Store store)
{
    public async Task<FundingStatus> StatusAsync(DateOnly asOf, CancellationToken ct)
    {
        if (!MoneyVersion.IsInModelOf(db)) return await queries.StatusAsync(asOf, ct);
        var version = await CurrentVersionAsync(ct);
        if (store.TryGet(version, asOf) is { } kept) return kept;

        var status = await queries.StatusAsync(asOf, ct);
        if (await CurrentVersionAsync(ct) == version) store.Keep(version, asOf, status);
        return status;
    }

    private Task<Guid> CurrentVersionAsync(CancellationToken ct) =>
        db.Set<MoneyVersion>().AsNoTracking().Where(v => v.Id == MoneyVersion.SingletonId).Select(v => v.Version)
            .SingleAsync(ct);

    /// <summary>
    /// The kept statuses of the current version, one per day asked for (a singleton: one per database the process
    /// serves). A new version drops every status of the versions before it.
    /// </summary>
    public sealed class Store
    {
        /// <summary>Days kept at once: the dashboard's "as of" picker is the only reader of past days.</summary>
        public const int MaxDays = 64;

        private readonly Dictionary<DateOnly, FundingStatus> statuses = [];
        private readonly Lock gate = new();
        private Guid version;

        internal FundingStatus? TryGet(Guid currentVersion, DateOnly asOf)
        {
            lock (gate)
                return version == currentVersion && statuses.TryGetValue(asOf, out var status) ? status : null;
        }

        internal void Keep(Guid keptVersion, DateOnly asOf, FundingStatus status)
        {
            lock (gate)
            {
                if (version != keptVersion || statuses.Count >= MaxDays)
                {
                    statuses.Clear();
                    version = keptVersion;
                }
                statuses[asOf] = status;
            }
        }
    }
}
