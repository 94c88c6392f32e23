using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Testing;

/// <summary>
/// A SQLite database of its own, migrated up to an earlier migration, as a database an earlier version wrote: a test
/// fills it as that version would, migrates it on and reads what the upgrade made of it. Deleted when disposed.
/// </summary>
public sealed class EarlierSqliteDatabase : IAsyncDisposable
{
    private readonly string _directory;

    private EarlierSqliteDatabase(string directory)
    {
        _directory = directory;
        var builder = new DbContextOptionsBuilder<TrustFundDbContext>();
        DatabaseServiceCollectionExtensions.UseProvider(builder, DatabaseProviders.Sqlite,
            $"Data Source={Path.Combine(directory, "old.db")};Pooling=false");
        Db = new TrustFundDbContext(builder.Options);
    }

    public TrustFundDbContext Db { get; }

    /// <summary>A new database at <paramref name="migration"/> (its full name, such as <c>20261203133346_VoteSecrecy…</c>).</summary>
    public static async Task<EarlierSqliteDatabase> AtAsync(string migration, CancellationToken ct)
    {
        var database = new EarlierSqliteDatabase(SqliteApiFactory.NewDirectory());
        await database.MigrateAsync(migration, ct);
        return database;
    }

    /// <summary>Migrates on to <paramref name="migration"/>, or to the latest when none is named.</summary>
    public Task MigrateAsync(string? migration, CancellationToken ct) =>
        Db.GetService<IMigrator>().MigrateAsync(migration, ct);

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        SqliteApiFactory.DeleteDirectory(_directory);
    }
}
