using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using TrustFundManager.Testing;

namespace TrustFundManager.Web.Tests;

/// <summary>
/// In production the pages sign in through Entra ID (OpenID Connect), offline here: the tenant's metadata is handed to
/// the handler, so nothing is fetched.
/// </summary>
public sealed class EntraIdSignInTests : IAsyncLifetime
{
    private const string TenantId = "00000000-0000-0000-0000-000000000001";
    private const string ClientId = "00000000-0000-0000-0000-000000000002";
    private const string AuthorizeEndpoint = $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/authorize";

    private readonly SqliteApiFactory _host = SqliteApiFactory.InEnvironment("Production", new Dictionary<string, string>
    {
        ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd:TenantId"] = TenantId,
        ["AzureAd:ClientId"] = ClientId,
        ["AzureAd:Audience"] = "api://trustfundmanager",
    }, services => services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
    {
        var configuration = new OpenIdConnectConfiguration
        {
            Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0",
            AuthorizationEndpoint = AuthorizeEndpoint,
            EndSessionEndpoint = $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/logout",
        };
        options.Configuration = configuration;
        options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
    }));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_page_sends_the_browser_to_entra_id_and_the_api_still_answers_bearer_401()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
        });

        var home = await client.GetAsync("/", ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/sign-in", home.Headers.Location!.AbsolutePath);

        var signIn = await client.GetAsync("/sign-in?returnUrl=%2F", ct);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var challenge = signIn.Headers.Location!.ToString();
        Assert.StartsWith(AuthorizeEndpoint, challenge, StringComparison.Ordinal);
        Assert.Contains($"client_id={ClientId}", challenge, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=http%3A%2F%2Flocalhost%2Fsignin-oidc", challenge, StringComparison.Ordinal);

        // No development sign-in beside Entra ID.
        Assert.NotEqual(HttpStatusCode.Redirect, (await client.PostAsync("/sign-in/development/session",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "admin" }), ct)).StatusCode);

        var api = await client.GetAsync("/api/settings", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Contains(api.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }
}
