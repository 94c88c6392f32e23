using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Application.Access;

namespace TrustFundManager.Web.Tests;

/// <summary>
/// The session cookie and the API's bearer tokens side by side, over plain HTTP: the cookie serves pages only, the
/// API answers exactly as before, and every form is protected against forgery.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class SessionTests(WebAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Browserless() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
    {
        BaseAddress = app.BaseAddress,
    };

    [Fact]
    public async Task A_page_without_a_session_leads_to_the_development_sign_in_page_and_back()
    {
        using var client = Browserless();

        var home = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/sign-in", home.Headers.Location!.AbsolutePath);

        var signIn = await client.GetAsync(home.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/sign-in/development?returnUrl=%2F", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_session_cookie_opens_the_pages_but_never_the_api_where_bearer_tokens_work_as_before()
    {
        using var client = Browserless();
        var signedIn = await SignInAsync(client, "fmu.officer", returnUrl: "/");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);

        var home = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Amina Diallo", await home.Content.ReadAsStringAsync(Ct));

        // The same client, cookie and all, is a stranger to the API: /api reads bearer tokens only.
        var api = await client.GetAsync("/api/me", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Contains(api.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.Host.TokenForAsync("fmu.officer"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Every_form_refuses_a_post_without_its_anti_forgery_token()
    {
        using var client = Browserless();
        await client.GetAsync("/sign-in/development", Ct);

        foreach (var (path, fields) in new (string, Dictionary<string, string>)[]
                 {
                     ("/sign-in/development/session", new() { ["user"] = "admin", ["returnUrl"] = "/" }),
                     ("/language", new() { ["culture"] = "fr", ["returnUrl"] = "/" }),
                     ("/sign-out", new()),
                 })
        {
            var response = await client.PostAsync(path, new FormUrlEncodedContent(fields), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} answered {response.StatusCode}");
            Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie");
        }
    }

    [Fact]
    public async Task Sign_in_never_sends_the_browser_to_another_site()
    {
        using var client = Browserless();

        foreach (var returnUrl in new[] { "//evil.example/", "https://evil.example/", "/\\evil.example" })
        {
            var response = await SignInAsync(client, "admin", returnUrl);
            Assert.Equal("/", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public void Every_page_and_the_circuit_require_a_signed_in_role_except_the_sign_in_pages_and_static_assets()
    {
        var endpoints = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .ToList();

        var open = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => !route.StartsWith("/_content/", StringComparison.Ordinal)
                            && !route.StartsWith("/_framework/", StringComparison.Ordinal)
                            && !route.StartsWith("/dev/", StringComparison.Ordinal)
                            && !route.StartsWith("/health/", StringComparison.Ordinal)
                            && !route.StartsWith("/openapi/", StringComparison.Ordinal)
                            && !route.StartsWith("/scalar", StringComparison.Ordinal))
            .ToHashSet();
        Assert.Equal(["/access-denied", "/language", "/sign-in", "/sign-in/development", "/sign-in/development/session", "/sign-out"],
            open.Order());

        var pages = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null).ToList();
        Assert.Contains(pages, e => e.RoutePattern.RawText == "/");
        Assert.Contains(pages, e => e.RoutePattern.RawText!.StartsWith("/_blazor", StringComparison.Ordinal));
        Assert.All(pages, e => Assert.True(
            e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == AccessPolicies.SignedIn.Name),
            $"{e.RoutePattern.RawText} ({e.DisplayName}) states no {AccessPolicies.SignedIn.Name} policy"));
    }

    private async Task<HttpResponseMessage> SignInAsync(HttpClient client, string user, string returnUrl)
    {
        var page = await client.GetStringAsync("/sign-in/development", Ct);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        return await client.PostAsync("/sign-in/development/session", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["user"] = user,
            ["returnUrl"] = returnUrl,
        }), Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
