namespace TrustFundManager.Infrastructure.Data;

public static class DatabaseProviders
{
    public const string Sqlite = nameof(Sqlite);
    public const string SqlServer = nameof(SqlServer);

    public const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";
    public const string SqliteMigrationsAssembly = "TrustFundManager.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "TrustFundManager.Migrations.SqlServer";
}
