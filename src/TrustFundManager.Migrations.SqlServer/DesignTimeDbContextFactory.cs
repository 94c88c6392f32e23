using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Migrations.SqlServer;

/// <summary>Lets `dotnet ef` build the context on SqlServer without starting the API; no connection is opened.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TrustFundDbContext>
{
    public TrustFundDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TrustFundDbContext>();
        DatabaseServiceCollectionExtensions.UseProvider(builder, DatabaseProviders.SqlServer, "Server=localhost;Database=TrustFund;Integrated Security=false;TrustServerCertificate=true");
        return new TrustFundDbContext(builder.Options);
    }
}
