using System.Net;
using System.Text.RegularExpressions;

namespace TrustFundManager.Benchmarks.Http;

/// <summary>
/// Browser sessions for the web pages: a user signs in through the development sign-in page as a person does (the
/// page's form, its anti-forgery token, the session cookie it sets), and the load runner sends that cookie with each
/// page request.
/// </summary>
internal static partial class PageSessions
{
    private const string SignInPage = "/sign-in/development";
    private const string SignInForm = "/sign-in/development/session";

    /// <summary>The Cookie header of a session signed in as <paramref name="user"/>.</summary>
    public static async Task<string> SignInAsync(Uri baseAddress, string user, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
        };
        var page = await browser.GetStringAsync(SignInPage, ct);
        var token = AntiforgeryToken().Match(page) is { Success: true } found
            ? WebUtility.HtmlDecode(found.Groups["token"].Value)
            : throw new InvalidOperationException($"The page {SignInPage} holds no anti-forgery token.");

        using var response = await browser.PostAsync(SignInForm, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = user, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
            throw new InvalidOperationException($"Signing in as {user} answered {(int)response.StatusCode}, not a redirect home.");
        return cookies.GetCookieHeader(baseAddress);
    }

    /// <summary>A page as a browser asks for it, in the session of <paramref name="cookie"/>.</summary>
    public static HttpRequestMessage Request(string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.AcceptLanguage.ParseAdd("en-GB");
        return request;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
