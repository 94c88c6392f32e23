using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the context on Sqlite without starting the API; no connection is opened.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TrustFundDbContext>
{
    public TrustFundDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TrustFundDbContext>();
        DatabaseServiceCollectionExtensions.UseProvider(builder, DatabaseProviders.Sqlite, "Data Source=design-time.db");
        return new TrustFundDbContext(builder.Options);
    }
}
