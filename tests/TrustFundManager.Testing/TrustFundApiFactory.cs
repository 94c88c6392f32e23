using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Testing;

/// <summary>
/// The API in a test host on a database of its own. Time is a <see cref="FakeTimeProvider"/> that starts at
/// the real present (so tokens are valid) and moves only when a test advances it.
/// </summary>
public class TrustFundApiFactory(string provider, string connectionString, string environment = "Development")
    : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, (string Token, DateTimeOffset IssuedAt)> _tokens = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _tokenLock = new(1, 1);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The hosting environment, such as Development.</summary>
    protected string EnvironmentName => environment;

    /// <summary>Configuration a particular test needs, on top of the defaults above.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Whether every <c>/api</c> answer is held to the OpenAPI document (<see cref="OpenApiConformance"/>); on by default,
    /// off only for a test that makes the API answer what no client should meet (a route it adds, a fault it injects).
    /// </summary>
    public bool ChecksConformance { get; init; } = true;

    /// <summary>Extra services or routes a particular test needs.</summary>
    public Action<IServiceCollection>? ConfigureTestServicesHook { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:TrustFund", connectionString);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore", "Warning");
        builder.UseSetting("Api:MaxRequestBodyBytes", "65536");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            if (ChecksConformance) services.AddSingleton<IStartupFilter, OpenApiConformance.Filter>();
            ConfigureTestServicesHook?.Invoke(services);
        });
    }

    /// <summary>A client signed in as a demo user, through the real development token endpoint.</summary>
    public async Task<HttpClient> CreateClientAsAsync(string user)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(user));
        return client;
    }

    public async Task<string> TokenForAsync(string user)
    {
        await _tokenLock.WaitAsync();
        try
        {
            // A token is reused until the test's clock has moved on by an hour (tokens live for hours, and a test
            // that jumps weeks ahead needs a fresh one).
            if (_tokens.TryGetValue(user, out var cached) && Clock.GetUtcNow() - cached.IssuedAt < TimeSpan.FromHours(1))
                return cached.Token;
            using var client = CreateClient();
            var response = await client.PostAsJsonAsync("/dev/token", new { user });
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var token = body.GetProperty("access_token").GetString()!;
            _tokens[user] = (token, Clock.GetUtcNow());
            return token;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    /// <summary>Runs <paramref name="action"/> against the database with a fresh DbContext.</summary>
    public async Task<T> WithDbAsync<T>(Func<TrustFundDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TrustFundDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _tokenLock.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>
/// The API over a SQLite file of its own, deleted afterwards. An empty database is started from a copy of a template
/// that start-up made once for the test run (<see cref="SqliteTemplates"/>), where this host's start-up would write the
/// same.
/// </summary>
public sealed class SqliteApiFactory : TrustFundApiFactory
{
    private const string DatabaseFileName = "trustfund.db";
    private const string DemoSetting = "Seed:Demo";

    /// <summary>Settings that change what start-up writes to the database (the demo setting is in the template's key).</summary>
    private static readonly string[] StartUpSettings = ["Database:", "ConnectionStrings:", "Seed:", "Workflows:Directory"];

    private readonly string _directory;
    private readonly bool _ownsDirectory = true;
    private readonly bool _fromTemplate = true;

    public SqliteApiFactory() : this(NewDirectory())
    {
    }

    private SqliteApiFactory(string directory)
        : base(DatabaseProviders.Sqlite, $"Data Source={DatabaseFileIn(directory)}")
    {
        _directory = directory;
    }

    /// <summary>The API in another hosting environment than Development, such as Production.</summary>
    public static SqliteApiFactory InEnvironment(string environment, IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? configureServices = null) =>
        new(NewDirectory(), environment)
        {
            Settings = settings ?? new Dictionary<string, string>(),
            ConfigureTestServicesHook = configureServices,
        };

    private SqliteApiFactory(string directory, string environment)
        : base(DatabaseProviders.Sqlite, $"Data Source={DatabaseFileIn(directory)}", environment)
    {
        _directory = directory;
    }

    /// <summary>
    /// The API over the database in <paramref name="directory"/>, which outlives this host: a later host on the same
    /// directory sees the same data, as after a restart. The caller deletes the directory.
    /// </summary>
    public static SqliteApiFactory OnDirectory(string directory, IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? configureServices = null) =>
        new(directory, "Development", ownsDirectory: false)
        {
            Settings = settings ?? new Dictionary<string, string>(),
            ConfigureTestServicesHook = configureServices,
        };

    private SqliteApiFactory(string directory, string environment, bool ownsDirectory, bool fromTemplate = true)
        : this(directory, environment)
    {
        _ownsDirectory = ownsDirectory;
        _fromTemplate = fromTemplate;
    }

    /// <summary>The host that makes a template: start-up on an empty database, as without templates.</summary>
    internal static SqliteApiFactory MakingTemplate(string directory, SqliteTemplateKey key) =>
        new(directory, key.Environment, ownsDirectory: false, fromTemplate: false)
        {
            Settings = key.Demo ? new Dictionary<string, string> { [DemoSetting] = "true" } : new Dictionary<string, string>(),
        };

    internal static string DatabaseFileIn(string directory) => Path.Combine(directory, DatabaseFileName);

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var databaseFile = DatabaseFileIn(_directory);
        if (_fromTemplate && !File.Exists(databaseFile) && Template() is { } key) SqliteTemplates.CopyTo(key, databaseFile);
        return base.CreateHost(builder);
    }

    /// <summary>
    /// The template whose content this host's start-up would write to an empty database; none where the test's own
    /// services, or settings of the database, the seeding or the workflow definitions, may make it write another.
    /// </summary>
    private SqliteTemplateKey? Template()
    {
        if (ConfigureTestServicesHook is not null) return null;
        var demo = false;
        foreach (var (setting, value) in Settings)
        {
            if (setting.Equals(DemoSetting, StringComparison.OrdinalIgnoreCase) && bool.TryParse(value, out var on))
                demo = on;
            else if (StartUpSettings.Any(s => setting.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
                return null;
        }

        return new SqliteTemplateKey(EnvironmentName, demo);
    }

    public static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "trustfund-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsDirectory) DeleteDirectory(_directory);
    }

    /// <summary>Deletes a test database directory, leaving a file still held open to the OS's temp cleanup.</summary>
    public static void DeleteDirectory(string directory)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS's temp cleanup; it must not fail the test run.
        }
    }
}
