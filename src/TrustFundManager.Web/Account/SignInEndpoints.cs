using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TrustFundManager.Application.Access;

namespace TrustFundManager.Web.Account;

/// <summary>
/// The application's own sign-in and sign-out endpoints (Microsoft.Identity.Web.UI is not used): <c>/sign-in</c>
/// challenges Entra ID, or sends the browser to the development page; the development page's form posts here;
/// <c>/sign-out</c> ends the session (and the Entra ID one). Every form posted here carries an anti-forgery token.
/// </summary>
public static class SignInEndpoints
{
    public const string SignInPath = "/sign-in";
    public const string DevelopmentSignInPath = "/sign-in/development";
    public const string DevelopmentSignInFormPath = "/sign-in/development/session";
    public const string SignOutPath = "/sign-out";
    public const string AccessDeniedPath = "/access-denied";

    internal static void MapSignIn(this IEndpointRouteBuilder app)
    {
        var configuration = app.ServiceProvider.GetRequiredService<IConfiguration>();
        var environment = app.ServiceProvider.GetRequiredService<IHostEnvironment>();
        var entraId = WebAuthentication.UsesEntraId(configuration);
        var development = WebAuthentication.OffersDevelopmentSignIn(configuration, environment);

        app.MapGet(SignInPath, ([FromQuery] string? returnUrl) =>
        {
            var target = LocalUrl(returnUrl);
            if (entraId)
                return Results.Challenge(new AuthenticationProperties { RedirectUri = target },
                    [WebAuthentication.OpenIdConnectScheme]);
            return Results.Redirect($"{DevelopmentSignInPath}?returnUrl={Uri.EscapeDataString(target)}");
        }).AllowAnonymous().ExcludeFromDescription();

        if (development)
        {
            app.MapPost(DevelopmentSignInFormPath, async ([FromForm] string? user, [FromForm] string? returnUrl,
                HttpContext http, IOptions<TrustFundWebOptions> options) =>
            {
                var chosen = options.Value.DevelopmentUsers.FirstOrDefault(u =>
                    string.Equals(u.User, user, StringComparison.OrdinalIgnoreCase));
                if (chosen is null)
                    return Results.Redirect($"{DevelopmentSignInPath}?returnUrl={Uri.EscapeDataString(LocalUrl(returnUrl))}");

                var identity = new ClaimsIdentity(chosen.Claims, WebAuthentication.CookieScheme,
                    CallerClaims.NameClaimType, CallerClaims.RoleClaimType);
                await http.SignInAsync(WebAuthentication.CookieScheme, new ClaimsPrincipal(identity));
                return Results.LocalRedirect(LocalUrl(returnUrl));
            }).AllowAnonymous().ExcludeFromDescription();
        }

        // The form is bound (though empty) so that its anti-forgery token is checked like every other form's.
        app.MapPost(SignOutPath, async (IFormCollection form, HttpContext http) =>
        {
            await http.SignOutAsync(WebAuthentication.CookieScheme);
            if (entraId)
                return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                    [WebAuthentication.OpenIdConnectScheme]);
            return Results.LocalRedirect("/");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>A path on this site, or the home page: never a redirect elsewhere.</summary>
    public static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
