using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Infrastructure.Seeding;

/// <summary>
/// Brings the database up to date at start-up: migrations (unless turned off), reference data, then the
/// workflow definition versions (a changed published version stops start-up), and the demo portfolio when
/// <c>Seed:Demo</c> is on.
/// </summary>
public sealed class DatabaseInitializer(
    TrustFundDbContext db,
    DatabaseOptions options,
    ReferenceDataSeeder referenceData,
    WorkflowDefinitionStore workflowDefinitions,
    SeedOptions seedOptions,
    IServiceProvider services,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite()) await UseWriteAheadLogAsync(cancellationToken);

        if (options.ApplyMigrations)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migrations: {Migrations}", pending.Count, pending);
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        else
        {
            logger.LogInformation("Database:ApplyMigrations is off: the schema is expected to be up to date");
        }

        var added = await referenceData.SeedAsync(cancellationToken);
        if (added > 0) logger.LogInformation("Seeded {Count} reference data rows", added);

        var stored = await workflowDefinitions.SyncAsync(cancellationToken);
        if (stored > 0) logger.LogInformation("Stored {Count} new workflow definition versions", stored);

        if (seedOptions.Demo)
            await services.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
    }

    /// <summary>Readers do not wait for a writer in WAL mode; the setting stays with the database file.</summary>
    private async Task UseWriteAheadLogAsync(CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        if (builder.DataSource is "" or ":memory:" || builder.Mode == SqliteOpenMode.Memory) return;
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
