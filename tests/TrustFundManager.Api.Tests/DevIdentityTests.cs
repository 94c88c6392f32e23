using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using TrustFundManager.Domain.Access;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests;

public sealed class DevIdentityTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task Demo_users_cover_every_role_two_countries_and_a_committee_of_twelve()
    {
        using var client = api.CreateClient();

        var users = (await HttpAssert.OkJsonAsync(await client.GetAsync("/dev/users", TestContext.Current.CancellationToken)))
            .EnumerateArray().ToList();

        var roles = users.SelectMany(u => u.GetProperty("roles").EnumerateArray().Select(r => r.GetString())).ToHashSet();
        Assert.All(Roles.All, role => Assert.Contains(role, roles));
        var governmentCountries = users
            .Where(u => u.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == Roles.GovernmentFocalPoint))
            .Select(u => u.GetProperty("country").GetString()).Distinct().ToList();
        Assert.True(governmentCountries.Count >= 2);
        var members = users
            .Where(u => u.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == Roles.SteeringCommitteeMember))
            .ToList();
        Assert.Equal(12, members.Count);
        Assert.All(members.GroupBy(m => m.GetProperty("constituency").GetString()), g => Assert.Equal(3, g.Count()));
        Assert.Equal(4, members.Select(m => m.GetProperty("constituency").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task A_token_is_issued_for_a_demo_user_and_carries_their_roles_and_scope()
    {
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/dev/token", new { user = "puno.unicef" }, TestContext.Current.CancellationToken);

        var body = await HttpAssert.OkJsonAsync(response);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(480 * 60, body.GetProperty("expires_in").GetInt32());
        client.DefaultRequestHeaders.Authorization = new("Bearer", body.GetProperty("access_token").GetString());
        var me = await HttpAssert.OkJsonAsync(await client.GetAsync("/api/me", TestContext.Current.CancellationToken));
        Assert.Equal("UNICEF", me.GetProperty("organization").GetString());
        Assert.Equal("David Okafor", me.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("{\"user\": \"nobody\"}", "user")]
    [InlineData("{\"user\": \"\"}", "user")]
    [InlineData("{}", "user")]
    [InlineData("{\"user\": 42}", "user")]
    public async Task An_unknown_or_missing_user_gets_400_naming_the_field(string json, string field)
    {
        using var client = api.CreateClient();

        var response = await client.PostAsync("/dev/token", HttpAssert.JsonBody(json), TestContext.Current.CancellationToken);

        await HttpAssert.ValidationProblemAsync(response, field);
    }
}

public sealed class TokenLifetimeTests : IAsyncLifetime
{
    private readonly SqliteApiFactory _api = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task A_token_is_refused_once_its_lifetime_has_passed_on_the_application_clock()
    {
        using var client = await _api.CreateClientAsAsync("fmu.finance");
        await HttpAssert.OkJsonAsync(await client.GetAsync("/api/me", TestContext.Current.CancellationToken));

        _api.Clock.Advance(TimeSpan.FromHours(7.9));
        await HttpAssert.OkJsonAsync(await client.GetAsync("/api/me", TestContext.Current.CancellationToken));

        _api.Clock.Advance(TimeSpan.FromHours(0.2));
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/me", TestContext.Current.CancellationToken),
            HttpStatusCode.Unauthorized);
    }
}

public sealed class DevIdentityOutsideDevelopmentTests : IAsyncLifetime
{
    private readonly SqliteApiFactory _api = SqliteApiFactory.InEnvironment("Production");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Theory]
    [InlineData("GET", "/dev/users")]
    [InlineData("POST", "/dev/token")]
    [InlineData("GET", "/openapi/v1.json")]
    [InlineData("GET", "/scalar")]
    public async Task Development_routes_do_not_exist_outside_development(string method, string path)
    {
        using var client = _api.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = HttpAssert.JsonBody("{\"user\": \"fmu.officer\"}"),
        };

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Outside_development_the_api_still_serves_health_and_refuses_unsigned_callers()
    {
        using var client = _api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/settings", TestContext.Current.CancellationToken),
            HttpStatusCode.Unauthorized);
    }
}

public sealed class EntraIdConfigurationTests : IAsyncLifetime
{
    private const string TenantId = "00000000-0000-0000-0000-000000000001";
    private const string Audience = "api://trustfundmanager";
    private static readonly string Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0";

    // Stands in for Entra's signing key: the test hands it to the API as the tenant's published configuration,
    // so no metadata is fetched from the network.
    private static readonly SymmetricSecurityKey TenantKey = new(RandomNumberGenerator.GetBytes(32)) { KeyId = "tenant" };

    // An AzureAd section switches the API to Entra ID tokens, even in Development.
    private readonly SqliteApiFactory _api = SqliteApiFactory.InEnvironment("Development", new Dictionary<string, string>
    {
        ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd:TenantId"] = TenantId,
        ["AzureAd:ClientId"] = "00000000-0000-0000-0000-000000000002",
        ["AzureAd:Audience"] = Audience,
    }, services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
        configuration.SigningKeys.Add(TenantKey);
        options.Configuration = configuration;
        options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        options.TokenValidationParameters.IssuerValidator = null;
        options.TokenValidationParameters.ValidIssuer = Issuer;
    }));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    private static string EntraToken(params string[] roles) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Expires = DateTime.UtcNow.AddHours(1),
        Claims = new Dictionary<string, object>
        {
            ["oid"] = "5f0c4c3e-0000-4000-8000-000000000042",
            ["tid"] = TenantId,
            ["name"] = "Entra User",
            ["ver"] = "2.0",
            ["roles"] = roles,
        },
        SigningCredentials = new SigningCredentials(TenantKey, SecurityAlgorithms.HmacSha256),
    });

    [Fact]
    public async Task With_entra_id_configured_there_is_no_development_sign_in_and_unsigned_callers_get_401()
    {
        using var client = _api.CreateClient();

        await HttpAssert.ProblemAsync(await client.GetAsync("/dev/users", TestContext.Current.CancellationToken),
            HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.PostAsync("/dev/token", HttpAssert.JsonBody("{\"user\": \"admin\"}"),
            TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
        var refused = await client.GetAsync("/api/settings", TestContext.Current.CancellationToken);
        await HttpAssert.ProblemAsync(refused, HttpStatusCode.Unauthorized);
        Assert.Contains(refused.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task An_entra_token_carries_its_app_roles_and_object_id_into_authorization_and_the_audit_log()
    {
        using var client = _api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", EntraToken(Roles.FundManager));

        var me = await HttpAssert.OkJsonAsync(await client.GetAsync("/api/me", TestContext.Current.CancellationToken));
        Assert.Equal("5f0c4c3e-0000-4000-8000-000000000042", me.GetProperty("user").GetString());
        Assert.Equal([Roles.FundManager], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        await HttpAssert.OkJsonAsync(await client.PutAsync("/api/guiding-principles/4",
            HttpAssert.JsonBody("{\"title\": \"Rule of law and due process\"}"), TestContext.Current.CancellationToken));
        var log = await HttpAssert.OkJsonAsync(await client.GetAsync("/api/audit-log?entityType=GuidingPrinciple&entityId=4",
            TestContext.Current.CancellationToken));
        Assert.Equal("5f0c4c3e-0000-4000-8000-000000000042", log.GetProperty("items")[0].GetProperty("actor").GetString());

        // A token with no app role is refused outright.
        client.DefaultRequestHeaders.Authorization = new("Bearer", EntraToken());
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/settings", TestContext.Current.CancellationToken),
            HttpStatusCode.Unauthorized);

        client.DefaultRequestHeaders.Authorization = new("Bearer", EntraToken(Roles.GovernmentFocalPoint));
        await HttpAssert.ProblemAsync(await client.PutAsync("/api/guiding-principles/4",
            HttpAssert.JsonBody("{\"title\": \"Changed\"}"), TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);
    }
}
