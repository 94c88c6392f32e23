using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Infrastructure.Funding;

/// <summary>
/// The funding status of each recently asked day, kept until the data it was summed from changes. Summing every
/// deposit, allocation, transfer and expenditure takes long once there are tens of thousands of them, while the
/// figures change only a few times a day; every reader of the status in between gets the figures already summed.
/// </summary>
public sealed class FundingStatusCache
{
    private const int MaxDays = 64;

    private readonly ConcurrentDictionary<DateOnly, (DataFingerprint Fingerprint, FundingStatus Status)> byDay = new();

    // A reference, so that readers on other threads see a fingerprint and its balance together, never torn apart.
    private KeptFreeBalance? freeNow;

    private sealed record KeptFreeBalance(DataFingerprint Fingerprint, FreeBalance Balance);

    internal bool TryGet(DateOnly asOf, DataFingerprint fingerprint, out FundingStatus status)
    {
        status = null!;
        if (!byDay.TryGetValue(asOf, out var cached) || cached.Fingerprint != fingerprint) return false;
        status = cached.Status;
        return true;
    }

    internal void Keep(DateOnly asOf, DataFingerprint fingerprint, FundingStatus status)
    {
        if (byDay.Count >= MaxDays) byDay.Clear();
        byDay[asOf] = (fingerprint, status);
    }

    internal bool TryGetFreeBalance(DataFingerprint fingerprint, out FreeBalance balance)
    {
        balance = null!;
        if (Volatile.Read(ref freeNow) is not { } cached || cached.Fingerprint != fingerprint) return false;
        balance = cached.Balance;
        return true;
    }

    internal void KeepFreeBalance(DataFingerprint fingerprint, FreeBalance balance) =>
        Volatile.Write(ref freeNow, new KeptFreeBalance(fingerprint, balance));
}

/// <summary>
/// What tells whether anything the status sums has changed: the last audit entry, which every change to an audited
/// entity adds in its own transaction, and the number of deposits and transfers, which are append-only and so not
/// audited one by one (they are never changed or removed, so a new one always changes the count).
/// </summary>
internal sealed record DataFingerprint(long LastAuditEntry, int Deposits, int Transfers)
{
    /// <summary>
    /// The fingerprint, or null where the last audit entry cannot tell: only SQLite's single writer commits the audit
    /// ids in the order it hands them out. On SQL Server a transaction holding an earlier identity can commit after a
    /// later one was read, and its change would go unseen; there the status is summed on every read, which the server
    /// does natively.
    /// </summary>
    public static async Task<DataFingerprint?> ReadAsync(TrustFundDbContext db, CancellationToken ct) =>
        !db.Database.IsSqlite()
            ? null
            : new DataFingerprint(
                await db.AuditEntries.MaxAsync(e => (long?)e.Id, ct) ?? 0,
                await db.Deposits.CountAsync(ct),
                await db.Transfers.CountAsync(ct));
}

/// <summary>
/// The funding status and the free balance as readers get them: from <see cref="FundingStatusCache"/> unless the data
/// changed. An allocation reads the free balance itself (<see cref="FundingQueries"/>), within its own checks.
/// </summary>
public sealed class FundingStatusReader(TrustFundDbContext db, FundingQueries queries, FundingStatusCache cache)
{
    public async Task<FundingStatus> StatusAsync(DateOnly asOf, CancellationToken ct)
    {
        // Read before summing: a change saved while summing leaves the figures under the old fingerprint, which the
        // next reader no longer matches.
        var fingerprint = await DataFingerprint.ReadAsync(db, ct);
        if (fingerprint is null) return await queries.StatusAsync(asOf, ct);
        if (cache.TryGet(asOf, fingerprint, out var status)) return status;

        status = await queries.StatusAsync(asOf, ct);
        cache.Keep(asOf, fingerprint, status);
        return status;
    }

    public async Task<FreeBalance> FreeBalanceAsync(CancellationToken ct)
    {
        var fingerprint = await DataFingerprint.ReadAsync(db, ct);
        if (fingerprint is null) return await queries.FreeBalanceAsync(ct);
        if (cache.TryGetFreeBalance(fingerprint, out var balance)) return balance;

        balance = await queries.FreeBalanceAsync(ct);
        cache.KeepFreeBalance(fingerprint, balance);
        return balance;
    }
}
