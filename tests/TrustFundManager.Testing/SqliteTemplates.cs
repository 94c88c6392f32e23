using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace TrustFundManager.Testing;

/// <summary>What start-up writes to an empty database: the same for every host of one environment and demo setting.</summary>
internal sealed record SqliteTemplateKey(string Environment, bool Demo)
{
    /// <summary>
    /// The demo portfolio is dated back from the day it is seeded: a template seeded before midnight is not used
    /// after it, where a test would count the days from another today.
    /// </summary>
    public DateOnly? DemoDay { get; init; } = Demo ? DateOnly.FromDateTime(DateTime.UtcNow) : null;
}

/// <summary>
/// Databases as start-up leaves them (migrated, with the reference data and the workflow definitions, and with the
/// demo portfolio where asked for), each made once per test run by a host of its own and then copied for every host
/// that would have started on an empty database. A copy costs a file copy where a new database costs the migrations
/// and the seeding; each host still gets a database of its own, and still runs its start-up on it, which then finds
/// nothing left to do.
/// </summary>
/// <remarks>
/// The templates live in a folder of this process, deleted when it ends, and are never reused by a later run: what
/// start-up writes depends on the migrations, the seeders and the workflow definition files, any of which may have
/// changed since.
/// </remarks>
internal static class SqliteTemplates
{
    private static readonly string Folder =
        Path.Combine(Path.GetTempPath(), "trustfund-tests", $"templates-{Environment.ProcessId}-{Guid.NewGuid():N}");

    private static readonly ConcurrentDictionary<SqliteTemplateKey, Lazy<string>> Made = new();

    static SqliteTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) => SqliteApiFactory.DeleteDirectory(Folder);

    /// <summary>
    /// Puts a copy of the template at <paramref name="databaseFile"/>, unless a database is already there (another host
    /// on the same folder may have put it there first).
    /// </summary>
    public static void CopyTo(SqliteTemplateKey key, string databaseFile)
    {
        var template = TemplateFor(key);
        // Copied beside the database and renamed into place, so that a host never opens a half-copied file.
        var copy = $"{databaseFile}.{Guid.NewGuid():N}.copy";
        File.Copy(template, copy);
        try
        {
            File.Move(copy, databaseFile, overwrite: false);
        }
        catch (IOException) when (File.Exists(databaseFile))
        {
            File.Delete(copy);
        }
    }

    private static string TemplateFor(SqliteTemplateKey key)
    {
        // One maker per key; the other hosts that need it meanwhile wait for it.
        var made = Made.GetOrAdd(key, k => new Lazy<string>(() => Make(k)));
        try
        {
            return made.Value;
        }
        catch
        {
            // A failed template is not kept: the next host tries again, and meets the failure itself.
            Made.TryRemove(new KeyValuePair<SqliteTemplateKey, Lazy<string>>(key, made));
            throw;
        }
    }

    private static string Make(SqliteTemplateKey key)
    {
        Directory.CreateDirectory(Folder);
        var building = SqliteApiFactory.NewDirectory();
        try
        {
            var host = SqliteApiFactory.MakingTemplate(building, key);
            try
            {
                _ = host.Services; // start-up initializes the database
            }
            finally
            {
                host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            var template = Path.Combine(Folder, $"{key.Environment}{(key.Demo ? $"-demo-{key.DemoDay:yyyyMMdd}" : "")}.db");
            // The online backup copies the database as one consistent whole, whatever its write-ahead log still holds.
            using var source = new SqliteConnection($"Data Source={SqliteApiFactory.DatabaseFileIn(building)};Pooling=False");
            using var target = new SqliteConnection($"Data Source={template};Pooling=False");
            source.Open();
            target.Open();
            source.BackupDatabase(target);
            return template;
        }
        finally
        {
            SqliteApiFactory.DeleteDirectory(building);
        }
    }
}
