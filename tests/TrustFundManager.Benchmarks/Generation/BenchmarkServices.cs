using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustFundManager.Application;
using TrustFundManager.Infrastructure.Auditing;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Infrastructure.Reports;
using TrustFundManager.Infrastructure.Seeding;

namespace TrustFundManager.Benchmarks.Generation;

/// <summary>
/// The application's own data services over one SQLite file, registered as the API registers them
/// (<see cref="DatabaseServiceCollectionExtensions.AddTrustFundDatabase"/>, the reports, the use cases), without the web host.
/// </summary>
public static class BenchmarkServices
{
    public static ServiceProvider Create(string databasePath, TimeProvider time)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = $"Data Source={databasePath}",
            ["Workflows:RunTimers"] = "false",
        }).Build();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(time);
        services.AddSingleton<IActorContext>(new GeneratorActor());
        services.AddTrustFundDatabase(configuration, Path.GetDirectoryName(databasePath)!);
        services.AddTrustFundReports(configuration);
        services.AddTrustFundApplication(); // the use cases the direct measurements call, as the API registers them
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>Migrations, reference data and workflow definitions, exactly as the API does at start-up.</summary>
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
    }
}

/// <summary>A clock the generator moves along each history; starts at the generation's "now".</summary>
public sealed class SteppingClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Whom the audit log names for what the generator writes: the FMU officer, as the demo seeder does.</summary>
public sealed class GeneratorActor : IActorContext
{
    public string Actor => "fmu.officer";

    public string? CorrelationId => "scale-generator";
}
