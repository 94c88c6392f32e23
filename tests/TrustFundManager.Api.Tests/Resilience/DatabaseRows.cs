using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Resilience;

/// <summary>The number of rows in every table of the database (audit log and workflow journal included).</summary>
public sealed record DatabaseRows(IReadOnlyDictionary<string, long> ByTable)
{
    public static async Task<DatabaseRows> CountAsync(TrustFundApiFactory api) => await api.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken)) tables.Add(reader.GetString(0));
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables) counts[table] = await CountAsync(connection, table);
        return new DatabaseRows(counts);
    });

    /// <summary>The tables whose count differs, as "table: before -> after"; empty when nothing changed.</summary>
    public IReadOnlyList<string> ChangesTo(DatabaseRows after) =>
        ByTable.Keys.Union(after.ByTable.Keys)
            .Where(t => ByTable.GetValueOrDefault(t, -1) != after.ByTable.GetValueOrDefault(t, -1))
            .Select(t => $"{t}: {ByTable.GetValueOrDefault(t)} -> {after.ByTable.GetValueOrDefault(t)}")
            .ToList();

    private static async Task<long> CountAsync(DbConnection connection, string table)
    {
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        return Convert.ToInt64(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken),
            System.Globalization.CultureInfo.InvariantCulture);
    }
}
