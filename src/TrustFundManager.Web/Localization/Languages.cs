using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using TrustFundManager.Web.Account;

namespace TrustFundManager.Web.Localization;

/// <summary>A language the pages are written in, named in itself (as a language picker should).</summary>
public sealed record Language(string Code, string NativeName);

/// <summary>
/// The pages' languages: English, French and Spanish. The choice is kept in the culture cookie; without one the
/// browser's Accept-Language decides, then English. Dates, numbers and money follow the same culture.
/// </summary>
public static class Languages
{
    public const string DefaultCode = "en";
    public const string ChangePath = "/language";

    public static IReadOnlyList<Language> All { get; } =
    [
        new("en", "English"),
        new("fr", "Français"),
        new("es", "Español"),
    ];

    public static RequestLocalizationOptions RequestLocalization()
    {
        var cultures = All.Select(l => new CultureInfo(l.Code)).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(DefaultCode),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            // fr-CA, es-MX... fall back to fr, es.
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        // The cookie, then the browser; no query string switch (links stay clean and shareable).
        options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        return options;
    }

    /// <summary>The language picker's form posts here: the choice goes into the cookie, and back to the page.</summary>
    internal static void MapLanguageChoice(this IEndpointRouteBuilder app) =>
        app.MapPost(ChangePath, ([FromForm] string? culture, [FromForm] string? returnUrl, HttpContext http,
            TimeProvider time) =>
        {
            var language = All.FirstOrDefault(l => l.Code == culture);
            if (language is not null)
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language.Code)),
                    new CookieOptions
                    {
                        Expires = time.GetUtcNow().AddYears(1),
                        HttpOnly = true,
                        IsEssential = true,
                        SameSite = SameSiteMode.Lax,
                        Secure = http.Request.IsHttps,
                    });
            return Results.LocalRedirect(SignInEndpoints.LocalUrl(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
}
