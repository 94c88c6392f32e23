using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TrustFundManager.Api.Development;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Security;

/// <summary>The review's deployment findings (8) and low findings (9), each replayed and seen refused.</summary>
public sealed class DeploymentHardeningTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Finding8_ComposeRunsOutsideDevelopmentOnLoopbackWithNoDefaultPassword()
    {
        var compose = File.ReadAllText(Path.Combine(RepositoryRoot(), "docker-compose.yml"));

        Assert.DoesNotContain("ASPNETCORE_ENVIRONMENT: Development", compose);
        Assert.Contains("ASPNETCORE_ENVIRONMENT: Production", compose);
        Assert.Contains("\"127.0.0.1:8080:8080\"", compose);
        Assert.DoesNotContain("1433:1433", compose);
        Assert.DoesNotContain("MSSQL_SA_PASSWORD:-", compose);
        Assert.Contains("${MSSQL_SA_PASSWORD:?", compose);
        Assert.Contains("AzureAd__TenantId", compose);
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://+:8080")]
    [InlineData("http://localhost:5080;http://192.168.1.20:5080")]
    public async Task Finding8_TheDevelopmentIssuerRefusesToStartBeyondLoopback(string urls)
    {
        await using var exposed = SqliteApiFactory.InEnvironment("Development", new Dictionary<string, string> { ["urls"] = urls });

        var refused = Assert.ThrowsAny<Exception>(() => exposed.Server);

        Assert.Contains("loopback only", Flatten(refused));
    }

    [Fact]
    public async Task Finding9_APartialEntraIdSectionStopsStartUpNamingWhatIsMissing()
    {
        await using var partial = SqliteApiFactory.InEnvironment("Production", new Dictionary<string, string>
        {
            ["AzureAd:ClientId"] = "00000000-0000-0000-0000-000000000001",
        });

        var refused = Assert.ThrowsAny<Exception>(() => partial.Server);

        Assert.Contains("AzureAd:Instance", Flatten(refused));
        Assert.Contains("AzureAd:TenantId", Flatten(refused));
    }

    [Fact]
    public async Task Finding9_ApiResponsesAreNeverStoredAndNameNoServer()
    {
        using var client = await api.CreateClientAsAsync("gov.gha");

        var response = await client.GetAsync("/api/countries/GHA", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Empty(response.Headers.Server);
    }

    [Fact]
    public async Task Finding9_OutsideDevelopmentBrowsersAreToldToUseHttpsOnly()
    {
        await using var production = SqliteApiFactory.InEnvironment("Production");
        using var overHttps = production.CreateClient(new() { BaseAddress = new Uri("https://fund.example.org") });
        using var overHttp = production.CreateClient(new() { BaseAddress = new Uri("http://fund.example.org") });

        var secure = await overHttps.GetAsync("/health/live", Ct);
        var plain = await overHttp.GetAsync("/health/live", Ct);

        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        var hsts = Assert.Single(secure.Headers.GetValues("Strict-Transport-Security"));
        Assert.Matches(@"^max-age=\d{7,}", hsts);
        // A header over plain HTTP would be ignored by browsers (and could be injected there); it is sent over HTTPS only.
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));

        using var development = api.CreateClient(new() { BaseAddress = new Uri("https://fund.example.org") });
        Assert.False((await development.GetAsync("/health/live", Ct)).Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Finding9_ATokenWithoutAnExpiryIsRefused()
    {
        var issuer = api.Services.GetRequiredService<DevTokenIssuer>();
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var forever = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DevTokenIssuer.Issuer,
            Audience = DevTokenIssuer.Audience,
            Subject = new ClaimsIdentity(DevUsers.Find("fmu.officer")!.Claims()),
            SigningCredentials = new SigningCredentials(issuer.ValidationParameters().IssuerSigningKey, SecurityAlgorithms.HmacSha256),
        });
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forever);

        var response = await client.GetAsync("/api/audit-log", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // A correct token still works, so the refusal is the missing expiry's.
        using var signedIn = await api.CreateClientAsAsync("fmu.officer");
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/audit-log", Ct)).StatusCode);
    }

    private static string Flatten(Exception exception) =>
        exception is AggregateException aggregate
            ? string.Join(" | ", aggregate.InnerExceptions.Select(Flatten))
            : exception.Message + (exception.InnerException is { } inner ? " | " + Flatten(inner) : "");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TrustFundManager.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
