using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Funding;

/// <summary>
/// Money on SQLite as exact integers (ten-thousandths): summed, compared and checked by SQLite itself, and an existing
/// database upgraded without changing a cent.
/// </summary>
public sealed class MoneyStorageTests
{
    private const string BeforeIntegerMoney = "20261203163841_DepositsKeepDonorAndEarmark";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_demo_database_written_with_text_amounts_shows_the_same_funding_status_to_the_cent_once_migrated()
    {
        var directory = SqliteApiFactory.NewDirectory();
        try
        {
            var file = Path.Combine(directory, "trustfund.db");
            await using (var old = OldContext(file))
                await old.GetService<IMigrator>().MigrateAsync(BeforeIntegerMoney, Ct);

            // The demo fund written at the migration before, by a model that keeps amounts as text as it did then.
            string before, beforeLastYear;
            await using (var api = SqliteApiFactory.OnDirectory(directory,
                             new Dictionary<string, string> { ["Seed:Demo"] = "true", ["Database:ApplyMigrations"] = "false" },
                             services => services.ConfigureDbContext<TrustFundDbContext>(b => TextMoneyOnSqliteExtension.Use(b))))
            {
                using var fmu = await api.CreateClientAsAsync("fmu.officer");
                before = await StatusTextAsync(fmu, null);
                beforeLastYear = await StatusTextAsync(fmu, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1));
                var textAmounts = await api.WithDbAsync(db => db.Database
                    .SqlQueryRaw<long>("SELECT COUNT(*) AS Value FROM Deposits WHERE typeof(AmountUsd) = 'text'").SingleAsync(Ct));
                Assert.True(textAmounts > 0, "The database before the migration keeps its amounts as text.");
            }

            await using (var upgraded = OldContext(file, textMoney: false))
                await upgraded.Database.MigrateAsync(Ct);

            await using (var api = SqliteApiFactory.OnDirectory(directory))
            {
                using var fmu = await api.CreateClientAsAsync("fmu.officer");
                AssertSameFigures(before, await StatusTextAsync(fmu, null));
                AssertSameFigures(beforeLastYear, await StatusTextAsync(fmu, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1)));
                var kinds = await api.WithDbAsync(db => db.Database.SqlQueryRaw<string>(
                        "SELECT DISTINCT typeof(AmountUsd) AS Value FROM Deposits UNION SELECT DISTINCT typeof(CommittedUsd) FROM Contributions " +
                        "UNION SELECT DISTINCT typeof(SpentUsd) FROM ProgrammeBudgetLines UNION SELECT DISTINCT typeof(TotalRequestedUsd) FROM ConceptNotes")
                    .ToListAsync(Ct));
                Assert.Empty(kinds.Except(["integer", "null"]));
                // The append-only records are append-only still.
                await api.WithDbAsync(async db =>
                {
                    await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE Deposits SET Amount = 1", Ct));
                    await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM Transfers", Ct));
                    return 0;
                });
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            SqliteApiFactory.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task Sums_are_SQLite_own_and_come_back_as_exact_decimals()
    {
        await using var api = new SqliteApiFactory();
        await api.WithDbAsync(db =>
        {
            var sql = db.Deposits.GroupBy(d => d.ContributionId).Select(g => g.Sum(d => d.NetUsd - d.FeeUsd)).ToQueryString();
            Assert.Contains("SUM(", sql, StringComparison.Ordinal);
            Assert.DoesNotContain("ef_sum", sql, StringComparison.OrdinalIgnoreCase);
            var order = db.ConceptNotes.OrderBy(n => n.TotalRequestedUsd).Select(n => n.Id).ToQueryString();
            Assert.DoesNotContain("EF_DECIMAL", order, StringComparison.OrdinalIgnoreCase);
            return Task.FromResult(0);
        });

        Assert.Equal(123456789L, MoneyStorage.ScaledIntegerConverter.ToUnits(12345.6789m));
        Assert.Equal(-5000L, MoneyStorage.ScaledIntegerConverter.ToUnits(-0.5m));
        Assert.Equal("12.5", MoneyStorage.ScaledIntegerConverter.FromUnits(125000).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("12.0", MoneyStorage.ScaledIntegerConverter.FromUnits(120000).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("-0.0001", MoneyStorage.ScaledIntegerConverter.FromUnits(-1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Throws<InvalidOperationException>(() => MoneyStorage.ScaledIntegerConverter.ToUnits(0.00001m));
    }

    [Fact]
    public async Task The_database_refuses_money_rows_whose_columns_break_the_limits_between_them()
    {
        await using var api = SqliteApiFactory.InEnvironment("Development", new Dictionary<string, string> { ["Seed:Demo"] = "true" });
        using var _ = await api.CreateClientAsAsync("fmu.officer");
        string[] breaches =
        [
            "UPDATE Contributions SET DepositedAmount = CommittedAmount + 1 WHERE CommittedAmount IS NOT NULL",
            "UPDATE JointProgrammes SET FromEarmarkedUsd = FromEarmarkedUsd + 10000",
            "UPDATE JointProgrammes SET SpentUsd = TransferredUsd + 1",
            "UPDATE JointProgrammes SET TransferredUsd = AllocatedUsd + 1, SpentUsd = 0",
            "UPDATE ProgrammeBudgetLines SET IndirectCostUsd = IndirectCostUsd + 1",
            "UPDATE ProgrammeBudgetLines SET SpentUsd = TransferredUsd + 1",
            "UPDATE ProgrammeBudgetLines SET TransferredUsd = AmountUsd + 1, SpentUsd = 0",
        ];
        foreach (var breach in breaches)
        {
            var refused = await api.WithDbAsync(async db =>
            {
                try
                {
                    await db.Database.ExecuteSqlRawAsync(breach, Ct);
                    return false;
                }
                catch (SqliteException e) when (e.Message.Contains("CHECK constraint failed", StringComparison.Ordinal))
                {
                    return true;
                }
            });
            Assert.True(refused, $"The database let this through: {breach}");
        }
    }

    private static TrustFundDbContext OldContext(string file, bool textMoney = true)
    {
        var builder = new DbContextOptionsBuilder<TrustFundDbContext>();
        DatabaseServiceCollectionExtensions.UseProvider(builder, DatabaseProviders.Sqlite, $"Data Source={file};Pooling=false");
        if (textMoney) TextMoneyOnSqliteExtension.Use(builder);
        return new TrustFundDbContext(builder.Options);
    }

    private static async Task<string> StatusTextAsync(HttpClient fmu, DateOnly? asOf)
    {
        var response = await fmu.GetAsync(asOf is { } day ? $"/api/funding-status?asOf={day:yyyy-MM-dd}" : "/api/funding-status", Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>Every figure equal (numbers as exact decimals), every name and date the same, in the same order.</summary>
    private static void AssertSameFigures(string before, string after)
    {
        using var a = JsonDocument.Parse(before);
        using var b = JsonDocument.Parse(after);
        Compare(a.RootElement, b.RootElement, "$");
    }

    private static void Compare(JsonElement before, JsonElement after, string path)
    {
        Assert.True(before.ValueKind == after.ValueKind, $"{path}: {before.ValueKind} became {after.ValueKind}");
        switch (before.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.Equal(before.EnumerateObject().Select(p => p.Name), after.EnumerateObject().Select(p => p.Name));
                foreach (var property in before.EnumerateObject())
                    Compare(property.Value, after.GetProperty(property.Name), $"{path}.{property.Name}");
                break;
            case JsonValueKind.Array:
                Assert.True(before.GetArrayLength() == after.GetArrayLength(), $"{path}: {before.GetArrayLength()} rows became {after.GetArrayLength()}");
                for (var i = 0; i < before.GetArrayLength(); i++) Compare(before[i], after[i], $"{path}[{i}]");
                break;
            case JsonValueKind.Number:
                Assert.True(before.GetDecimal() == after.GetDecimal(), $"{path}: {before.GetRawText()} became {after.GetRawText()}");
                break;
            default:
                Assert.True(before.GetRawText() == after.GetRawText(), $"{path}: {before.GetRawText()} became {after.GetRawText()}");
                break;
        }
    }
}
