using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Infrastructure.Funding;

/// <summary>
/// The funding status as of a day (and the free balance the pipeline shows), summed by <see cref="FundingQueries"/> once
/// per <see cref="MoneyVersion"/> and day.
/// A read looks at the version first; a status is kept only when the version was the same before and after it was
/// summed, so no money change committed while it was being summed, and what is kept is exactly that version's status.
/// Any later committed change has a new version, so no reader after the commit gets a kept figure from before it.
/// </summary>
public sealed class FundingStatusCache(TrustFundDbContext db, FundingQueries queries, FundingStatusCache.Store store)
{
    public Task<FundingStatus> StatusAsync(DateOnly asOf, CancellationToken ct) =>
        KeptAsync(asOf, () => queries.StatusAsync(asOf, ct), ct);

    /// <summary>
    /// What is free for allocation now, by pool, for those who show it (the pipeline). An allocation reads it afresh
    /// within its own <see cref="FundLedger"/> check instead.
    /// </summary>
    public Task<FreeBalance> FreeBalanceAsync(CancellationToken ct) =>
        KeptAsync(DateOnly.MaxValue, () => queries.FreeBalanceAsync(ct), ct);

    private async Task<T> KeptAsync<T>(DateOnly asOf, Func<Task<T>> sum, CancellationToken ct) where T : class
    {
        if (!MoneyVersion.IsInModelOf(db)) return await sum();

        var version = await CurrentVersionAsync(ct);
        if (store.TryGet<T>(version, asOf) is { } kept) return kept;

        var figures = await sum();
        if (await CurrentVersionAsync(ct) == version) store.Keep(version, asOf, figures);
        return figures;
    }

    private Task<Guid> CurrentVersionAsync(CancellationToken ct) =>
        db.Set<MoneyVersion>().AsNoTracking().Where(v => v.Id == MoneyVersion.SingletonId).Select(v => v.Version)
            .SingleAsync(ct);

    /// <summary>
    /// The kept figures of the current version, one per kind and day asked for (a singleton: one per database the
    /// process serves). A new version drops every figure of the versions before it.
    /// </summary>
    public sealed class Store
    {
        /// <summary>Figures kept at once: the dashboard's "as of" picker is the only reader of past days.</summary>
        public const int MaxFigures = 64;

        private readonly Dictionary<(Type Kind, DateOnly AsOf), object> figures = [];
        private readonly Lock gate = new();
        private Guid version;

        internal T? TryGet<T>(Guid currentVersion, DateOnly asOf) where T : class
        {
            lock (gate)
                return version == currentVersion && figures.TryGetValue((typeof(T), asOf), out var kept) ? (T)kept : null;
        }

        internal void Keep<T>(Guid keptVersion, DateOnly asOf, T kept) where T : class
        {
            lock (gate)
            {
                if (version != keptVersion || figures.Count >= MaxFigures)
                {
                    figures.Clear();
                    version = keptVersion;
                }
                figures[(typeof(T), asOf)] = kept;
            }
        }
    }
}
