using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Web;
using TrustFundManager.Testing;

namespace TrustFundManager.Web.Tests;

/// <summary>
/// The return leg of the Entra ID sign-in (<c>/signin-oidc</c>), offline: the application, configured as in production
/// (an <c>AzureAd</c> section, Microsoft.Identity.Web) but with its instance on a loopback OpenID provider, is walked
/// through the sign-in as a browser would (challenge, the provider's form post back) and lands signed in with the
/// roles and scope of the ID token; a token signed with another key, for another audience or without the nonce is
/// refused and leaves no session.
/// </summary>
public sealed partial class EntraIdReturnTests(EntraIdReturnTests.Host host) : IClassFixture<EntraIdReturnTests.Host>
{
    private const string TenantId = "00000000-0000-0000-0000-0000000000a1";
    private const string ClientId = "00000000-0000-0000-0000-0000000000a2";

    private const string TrustingClient = "loopback-provider";

    /// <summary>The provider on a loopback port, and the application in Production pointed at it by configuration.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public LoopbackOpenIdProvider Provider { get; } = new(TenantId, ClientId);

        public SqliteApiFactory App { get; private set; } = default!;

        /// <summary>Why the application refused a sign-in, as the handler reported it.</summary>
        public System.Collections.Concurrent.ConcurrentQueue<string> Failures { get; } = new();

        public async ValueTask InitializeAsync()
        {
            await Provider.StartAsync();
            App = SqliteApiFactory.InEnvironment("Production", new Dictionary<string, string>
            {
                ["AzureAd:Instance"] = Provider.Instance.ToString(),
                ["AzureAd:TenantId"] = TenantId,
                ["AzureAd:ClientId"] = ClientId,
                ["AzureAd:Audience"] = "api://trustfundmanager",
            }, services =>
            {
                // The application reaches the provider over HTTPS, trusting the test's certificate: for the metadata
                // and keys, and for the issuer check of Microsoft.Identity.Web, which reads the metadata itself.
                services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
                    options.BackchannelHttpHandler = Provider.TrustingHandler());
                services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
                    options.BackchannelHttpHandler = Provider.TrustingHandler());
                services.AddHttpClient(TrustingClient).ConfigurePrimaryHttpMessageHandler(Provider.TrustingHandler);
                services.Configure<AadIssuerValidatorOptions>(options => options.HttpClientName = TrustingClient);
                services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
                {
                    var failed = options.Events.OnRemoteFailure;
                    options.Events.OnRemoteFailure = context =>
                    {
                        Failures.Enqueue(context.Failure?.ToString() ?? "");
                        return failed(context);
                    };
                });
            });
        }

        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }

    public static TheoryData<string, string[], string[]> Users() => new()
    {
        { "Government focal point", ["roles:GovernmentFocalPoint", "country:GHA"], ["Government focal point", "GHA"] },
        { "Organization", ["roles:ParticipatingOrganization", "organization:UNICEF"], ["Participating UN organization", "UNICEF"] },
        { "Committee member", ["roles:SteeringCommitteeMember", "country:DEU", "constituency:donors"], ["Steering Committee member", "DEU", "donors"] },
    };

    [Theory]
    [MemberData(nameof(Users))]
    public async Task A_valid_id_token_signs_the_user_in_with_its_roles_and_scope(string who, string[] claims, string[] shown)
    {
        var ct = TestContext.Current.CancellationToken;
        var name = $"{who} from Entra ID";
        host.Provider.NextFault = TokenFault.None;
        host.Provider.NextUser = [.. claims.Select(c => c.Split(':', 2)).Select(c => new Claim(c[0], c[1])),
            new Claim("name", name), new Claim("oid", Guid.NewGuid().ToString())];

        var (client, answer) = await WalkSignInAsync(ct);

        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"{(int)answer.StatusCode}: {string.Join("\n", host.Failures)}");
        Assert.Equal("/", answer.Headers.Location!.OriginalString);
        Assert.Contains(answer.Headers.GetValues("Set-Cookie"), c => c.StartsWith("TrustFund.Session", StringComparison.Ordinal));
        var request = host.Provider.AuthorizeRequests.Last();
        Assert.Equal(ClientId, request["client_id"]);
        Assert.Equal("form_post", request["response_mode"]);
        Assert.Equal("https://localhost/signin-oidc", request["redirect_uri"]);

        // The home page, rendered for the signed-in user: their name, role and scope in the header.
        var home = await client.GetAsync("/", ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var summary = UserSummary().Match(await home.Content.ReadAsStringAsync(ct));
        Assert.True(summary.Success, "The home page shows no signed-in user");
        var text = WebUtility.HtmlDecode(Regex.Replace(summary.Value, "<[^>]+>", " "));
        Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.All(shown, expected => Assert.Contains(expected, text, StringComparison.Ordinal));

        // The API is not opened by the session cookie: it still wants a bearer token.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/settings", ct)).StatusCode);
    }

    [Fact]
    public async Task An_access_token_from_the_same_tenant_reaches_the_api_with_its_roles()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = host.App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            host.Provider.AccessToken([new Claim("roles", "GovernmentFocalPoint"), new Claim("country", "GHA"),
                new Claim("name", "Ama Owusu"), new Claim("oid", Guid.NewGuid().ToString())], "api://trustfundmanager"));

        var answer = await client.GetAsync("/api/concept-notes", ct);

        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{(int)answer.StatusCode} {answer.Headers.WwwAuthenticate}");

        // The roles are what let it in (the list's policy admits any of the fund's roles, read from "roles"): the same
        // user without one is refused (Microsoft.Identity.Web answers 401 to a token with neither roles nor scopes).
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            host.Provider.AccessToken([new Claim("name", "Ama Owusu"), new Claim("oid", Guid.NewGuid().ToString())], "api://trustfundmanager"));
        Assert.Contains((await client.GetAsync("/api/concept-notes", ct)).StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
    }

    [Theory]
    [InlineData(TokenFault.BadSignature, "IDX10511")]   // signature validation failed: no key of the tenant's fits
    [InlineData(TokenFault.WrongAudience, "IDX10214")]  // audience validation failed
    [InlineData(TokenFault.MissingNonce, "IDX21320")]   // the ID token carries no nonce
    public async Task A_spoiled_id_token_is_refused_and_leaves_no_session(TokenFault fault, string reason)
    {
        var ct = TestContext.Current.CancellationToken;
        host.Provider.NextFault = fault;
        host.Provider.NextUser = [new Claim("roles", "FundManager"), new Claim("name", "Mallory"), new Claim("oid", Guid.NewGuid().ToString())];

        var (client, answer) = await WalkSignInAsync(ct);

        // Refused for the fault itself, and the user is told the sign-in did not succeed.
        Assert.Contains(host.Failures, failure => failure.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/access-denied?reason=sign-in-failed", answer.Headers.Location!.OriginalString);
        var explained = await client.GetStringAsync(answer.Headers.Location, ct);
        Assert.Contains("data-testid=\"sign-in-failed\"", explained, StringComparison.Ordinal);
        Assert.DoesNotContain(answer.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            c => c.StartsWith("TrustFund.Session", StringComparison.Ordinal));
        var home = await client.GetAsync("/", ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/sign-in", home.Headers.Location!.AbsolutePath);
    }

    /// <summary>
    /// What a browser does: asks for a page that needs a session, follows the challenge to the provider, and posts the
    /// provider's form back to <c>/signin-oidc</c>. Returns the client (its cookies) and the application's answer.
    /// </summary>
    private async Task<(HttpClient Client, HttpResponseMessage Answer)> WalkSignInAsync(CancellationToken ct)
    {
        var client = host.App.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            // The correlation and nonce cookies are Secure: the site is reached over HTTPS, as in production.
            BaseAddress = new Uri("https://localhost"),
        });
        host.Failures.Clear();
        var challenge = await client.GetAsync("/sign-in?returnUrl=%2F", ct);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith($"{host.Provider.Instance}{TenantId}/oauth2/v2.0/authorize", authorize.ToString(), StringComparison.Ordinal);

        using var browser = new HttpClient(host.Provider.TrustingHandler());
        var page = await browser.GetStringAsync(authorize, ct);
        var action = WebUtility.HtmlDecode(FormAction().Match(page).Groups[1].Value);
        var fields = HiddenInput().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value),
            m => WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.Contains("state", fields.Keys);

        var answer = await client.PostAsync(action, new FormUrlEncodedContent(fields), ct);
        return (client, answer);
    }

    [GeneratedRegex("""<form method="post" action="([^"]+)">""")]
    private static partial Regex FormAction();

    [GeneratedRegex("""<input type="hidden" name="([^"]+)" value="([^"]*)" />""")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("""<div class="user-summary" data-testid="user-summary">.*?</div>""", RegexOptions.Singleline)]
    private static partial Regex UserSummary();
}
