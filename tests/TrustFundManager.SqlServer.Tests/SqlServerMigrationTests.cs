using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.SqlServer.Tests;

/// <summary>The SQL Server migrations, checked without a server: they match the model and they script.</summary>
public sealed class SqlServerMigrationTests
{
    private static TrustFundDbContext DesignTimeContext() =>
        new TrustFundManager.Migrations.SqlServer.DesignTimeDbContextFactory().CreateDbContext([]);

    [Fact]
    public void The_sql_server_model_has_no_changes_missing_from_its_migrations()
    {
        using var db = DesignTimeContext();

        Assert.Equal("Microsoft.EntityFrameworkCore.SqlServer", db.Database.ProviderName);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a migration: run dotnet ef migrations add for the SqlServer project.");
    }

    [Fact]
    public void The_sql_server_migrations_script_creates_every_table_and_guards_the_audit_log()
    {
        using var db = DesignTimeContext();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in new[] { "ThematicAreas", "GcmObjectives", "GuidingPrinciples", "Constituencies", "Countries",
                     "Organizations", "FundSettings", "AuditEntries" })
            Assert.Contains($"CREATE TABLE [{table}]", script);
        Assert.Contains("datetimeoffset", script);
        Assert.Contains("decimal(19,2)", script);
        // Inside the idempotent script's IF blocks, CREATE TRIGGER only works as its own batch, through EXEC.
        Assert.Contains("EXEC(N'CREATE TRIGGER AuditEntries_AppendOnly", script);
        Assert.DoesNotMatch(@"BEGIN\s+CREATE TRIGGER", script);
        Assert.Contains("IF NOT EXISTS", script);
    }
}
