using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using TrustFundManager.Application.Access;

namespace TrustFundManager.Web.Account;

/// <summary>
/// How a request is authenticated once the pages share the host with the API: a policy scheme sends <c>/api</c> to
/// the API's bearer scheme, exactly as before, and everything else to the session cookie. The cookie is issued by
/// OpenID Connect with Entra ID when an <c>AzureAd</c> section is configured, or by the development sign-in page in
/// Development without Entra ID. A cookie never authenticates an <c>/api</c> call, so the API needs no
/// anti-forgery of its own.
/// </summary>
public static class WebAuthentication
{
    public const string PolicyScheme = "TrustFund";
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string OpenIdConnectScheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string AzureAdSection = "AzureAd";
    public const string SessionCookieName = "TrustFund.Session";

    public static bool IsApiRequest(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>Whether sign-in goes through Entra ID; otherwise through the development page, where it exists.</summary>
    public static bool UsesEntraId(IConfiguration configuration) => configuration.GetSection(AzureAdSection).Exists();

    /// <summary>The development sign-in page: Development only, and only without Entra ID (as for <c>/dev/token</c>).</summary>
    public static bool OffersDevelopmentSignIn(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsDevelopment() && !UsesEntraId(configuration);

    internal static void AddTrustFundWebAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var authentication = services.AddAuthentication();
        if (UsesEntraId(configuration))
        {
            authentication.AddMicrosoftIdentityWebApp(configuration.GetSection(AzureAdSection), OpenIdConnectScheme,
                CookieScheme);
            services.Configure<OpenIdConnectOptions>(OpenIdConnectScheme, options =>
            {
                // Entra's short claim names (roles, oid, name, country...) as the API reads them from its tokens.
                options.MapInboundClaims = false;
                options.TokenValidationParameters.RoleClaimType = CallerClaims.RoleClaimType;
                options.TokenValidationParameters.NameClaimType = CallerClaims.NameClaimType;
            });
            services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectScheme, options =>
            {
                // Microsoft.Identity.Web hands the handler a token handler of its own that maps Entra's names to long
                // URIs (roles, oid, tid) whatever MapInboundClaims says: the roles would not be found, and every user
                // signed in through Entra ID would be denied every page (EntraIdReturnTests).
                if (options.TokenHandler is JsonWebTokenHandler tokens) tokens.MapInboundClaims = false;

                // A refused answer (bad signature, wrong audience, no nonce, a stale correlation) opens no session and
                // tells the user so, instead of the error page of an unexpected failure; why goes to the log.
                var failed = options.Events.OnRemoteFailure;
                options.Events.OnRemoteFailure = async context =>
                {
                    await failed(context);
                    if (context.Result is not null) return;
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>()
                        .CreateLogger(typeof(WebAuthentication)).LogWarning("Entra ID sign-in refused: {Reason}",
                            context.Failure?.Message);
                    context.Response.Redirect($"{SignInEndpoints.AccessDeniedPath}?reason={AccessDenied.SignInFailedReason}");
                    context.HandleResponse();
                };
            });
        }
        else
        {
            authentication.AddCookie(CookieScheme);
        }

        services.Configure<CookieAuthenticationOptions>(CookieScheme, options =>
        {
            options.Cookie.Name = SessionCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = SignInEndpoints.SignInPath;
            options.LogoutPath = SignInEndpoints.SignOutPath;
            options.AccessDeniedPath = SignInEndpoints.AccessDeniedPath;
        });

        authentication.AddPolicyScheme(PolicyScheme, "Bearer tokens for the API, the session cookie for pages", options =>
            options.ForwardDefaultSelector = context =>
                IsApiRequest(context) ? JwtBearerDefaults.AuthenticationScheme : CookieScheme);

        // Registered after the API's own AddAuthentication(Bearer), so these defaults win; /api still lands on Bearer.
        services.Configure<AuthenticationOptions>(options =>
        {
            options.DefaultScheme = PolicyScheme;
            options.DefaultAuthenticateScheme = PolicyScheme;
            options.DefaultChallengeScheme = PolicyScheme;
            options.DefaultForbidScheme = PolicyScheme;
        });
    }
}
