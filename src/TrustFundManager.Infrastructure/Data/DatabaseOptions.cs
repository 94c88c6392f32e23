namespace TrustFundManager.Infrastructure.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "TrustFund";
    public const string DefaultSqliteConnectionString = "Data Source=data/trustfund.db";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>SqlServer</c>.</summary>
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>Apply pending migrations when the application starts.</summary>
    public bool ApplyMigrations { get; set; } = true;
}
