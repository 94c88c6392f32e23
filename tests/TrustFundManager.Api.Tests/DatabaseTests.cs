using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Infrastructure.Seeding;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests;

public sealed class DatabaseTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private static TrustFundDbContext DesignTimeSqliteContext() =>
        new TrustFundManager.Migrations.Sqlite.DesignTimeDbContextFactory().CreateDbContext([]);

    [Fact]
    public void The_sqlite_model_has_no_changes_missing_from_its_migrations()
    {
        using var db = DesignTimeSqliteContext();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a migration: run dotnet ef migrations add for the Sqlite project.");
    }

    [Fact]
    public void The_sqlite_migrations_script_creates_every_table_and_the_audit_log_guards()
    {
        using var db = DesignTimeSqliteContext();

        var script = db.GetService<IMigrator>().GenerateScript();

        foreach (var table in new[] { "ThematicAreas", "GcmObjectives", "GuidingPrinciples", "Constituencies", "Countries",
                     "Organizations", "FundSettings", "AuditEntries" })
            Assert.Contains($"CREATE TABLE \"{table}\"", script);
        Assert.Contains("CREATE TRIGGER AuditEntries_NoUpdate", script);
    }

    [Fact]
    public async Task The_database_is_migrated_at_start_up_with_nothing_pending()
    {
        _ = api.Server;
        var pending = await api.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        var applied = await api.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList());

        Assert.Empty(pending);
        Assert.NotEmpty(applied);
    }

    [Fact]
    public async Task Seeding_again_adds_nothing_and_keeps_what_fund_staff_edited()
    {
        _ = api.Server;
        await api.WithDbAsync(async db =>
        {
            var donors = await db.Constituencies.SingleAsync(c => c.Code == "donors");
            donors.Change("Contributing States", donors.Description, 5, []);
            return await db.SaveChangesAsync();
        });
        var countsBefore = await CountsAsync();

        await using var scope = api.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, added);
        Assert.Equal(countsBefore, await CountsAsync());
        var donorsAfter = await api.WithDbAsync(db => db.Constituencies.AsNoTracking().SingleAsync(c => c.Code == "donors"));
        Assert.Equal(("Contributing States", 5), (donorsAfter.Name, donorsAfter.Seats));
    }

    [Fact]
    public async Task Seeding_fills_in_a_row_that_is_missing()
    {
        _ = api.Server;
        await api.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM Organizations WHERE Code = 'UNRWA'"));

        await using var scope = api.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, added);
        Assert.True(await api.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Code == "UNRWA")));
    }

    [Theory]
    [InlineData("UPDATE FundSettings SET BudgetCeilingUsd = '-5.00'")]
    [InlineData("UPDATE FundSettings SET IndirectCostRate = '0.9'")]
    [InlineData("UPDATE FundSettings SET MinDurationMonths = 40")]
    [InlineData("UPDATE FundSettings SET QuorumNumerator = 4")]
    [InlineData("UPDATE Constituencies SET Seats = 0")]
    [InlineData("UPDATE GcmObjectives SET ThematicAreaNumber = 9 WHERE Number = 1")]
    public async Task The_database_refuses_values_that_break_the_rules_even_when_the_application_is_bypassed(string sql)
    {
        _ = api.Server;

        await api.WithDbAsync(db => Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(
            () => db.Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken)));
    }

    private Task<(int, int, int, int, int, int, int)> CountsAsync() => api.WithDbAsync(async db => (
        await db.ThematicAreas.CountAsync(), await db.GcmObjectives.CountAsync(), await db.GuidingPrinciples.CountAsync(),
        await db.Constituencies.CountAsync(), await db.Countries.CountAsync(), await db.Organizations.CountAsync(),
        await db.FundSettings.CountAsync()));
}
