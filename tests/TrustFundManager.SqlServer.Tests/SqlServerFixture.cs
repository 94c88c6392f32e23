using Testcontainers.MsSql;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Testing;

namespace TrustFundManager.SqlServer.Tests;

/// <summary>
/// A SQL Server 2022 container and the API over it. Where no Docker engine answers, the fixture records why,
/// and every test that needs it reports itself skipped with that reason.
/// </summary>
public sealed class SqlServerFixture : IAsyncLifetime
{
    private MsSqlContainer? _container;

    public TrustFundApiFactory? Api { get; private set; }

    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        try
        {
            _container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
            await _container.StartAsync();
        }
        catch (Exception exception)
        {
            SkipReason = $"SQL Server tests need a Docker engine, and none is available here: {exception.GetType().Name}: {FirstLine(exception.Message)}";
            return;
        }

        var connectionString = _container.GetConnectionString().Replace("Database=master", "Database=TrustFund", StringComparison.OrdinalIgnoreCase);
        Api = new TrustFundApiFactory(DatabaseProviders.SqlServer, connectionString);
        _ = Api.Server;
    }

    public void SkipWithoutDocker() => Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);

    public async ValueTask DisposeAsync()
    {
        if (Api is not null) await Api.DisposeAsync();
        if (_container is not null) await _container.DisposeAsync();
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
