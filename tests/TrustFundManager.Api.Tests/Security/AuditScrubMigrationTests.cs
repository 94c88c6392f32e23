using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Security;

/// <summary>A database written by an earlier version, whose audit log holds secret votes, upgraded in place.</summary>
public sealed class AuditScrubMigrationTests
{
    private const string BeforeTheScrub = "20261123163353_ConceptNoteListIndexes";

    [Fact]
    public async Task Finding1_AnOldDatabaseLosesTheVoteChoicesItsAuditLogHeldWhenMigrated()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var old = await EarlierSqliteDatabase.AtAsync(BeforeTheScrub, ct);
        const string legacyVote = """{"ballotId":{"to":"b"},"castAt":{"to":"2026-11-20T10:00:00+00:00"},"choice":{"to":"Reject"},"comment":{"to":"c"},"conditions":{"to":null},"reason":{"to":"A secret reason"}}""";
        const string donor = """{"reason":{"to":"kept"}}""";
        await old.Db.Database.ExecuteSqlRawAsync("""
            INSERT INTO AuditEntries (OccurredAt, Actor, EntityType, EntityId, Action, Changes, CorrelationId) VALUES
            ('2026-11-20 10:00:00+00:00', 'sc.deu', 'BallotVote', 'b|m|n', 'Added', {0}, NULL),
            ('2026-11-20 10:00:00+00:00', 'fmu.officer', 'Donor', 'd', 'Added', {1}, NULL);
            """, [legacyVote, donor], ct);

        await old.MigrateAsync(null, ct);

        var changes = await old.Db.Database.SqlQueryRaw<string>("SELECT Changes AS Value FROM AuditEntries ORDER BY Id").ToListAsync(ct);
        Assert.Equal("""{"ballotId":{"to":"b"},"castAt":{"to":"2026-11-20T10:00:00+00:00"}}""", changes[0]);
        Assert.Equal("""{"reason":{"to":"kept"}}""", changes[1]);
        // The log is append-only again once the scrub is done.
        await Assert.ThrowsAsync<SqliteException>(() =>
            old.Db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Actor = 'someone else'", ct));
    }
}
