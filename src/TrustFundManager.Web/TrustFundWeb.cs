using MudBlazor;
using MudBlazor.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Application.Access;
using TrustFundManager.Web.Account;
using TrustFundManager.Web.Common;
using TrustFundManager.Web.Localization;

namespace TrustFundManager.Web;

/// <summary>The two calls a host makes to serve the pages beside the API.</summary>
public static class TrustFundWeb
{
    /// <summary>
    /// The pages' services: Razor components (Interactive Server), MudBlazor, localization, the session cookie beside
    /// the API's bearer tokens, and Entra ID sign-in when configured. Call after the API's own authentication.
    /// </summary>
    public static IServiceCollection AddTrustFundWeb(this IServiceCollection services, IConfiguration configuration,
        Action<TrustFundWebOptions>? configure = null)
    {
        services.Configure<TrustFundWebOptions>(options => configure?.Invoke(options));
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Slow or unstable links: a dropped circuit is kept (with what the user typed) while the browser reconnects.
        services.Configure<CircuitOptions>(options => options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(10));
        services.AddCascadingAuthenticationState();
        services.AddMudServices(options => options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomStart);
        services.AddLocalization();
        services.AddScoped<CurrentUser>();
        services.AddScoped<UseCases>();
        services.AddTrustFundWebAuthentication(configuration);
        return services;
    }

    /// <summary>
    /// The pages' middleware and endpoints: languages (for pages only: the API's answers do not change with the
    /// browser's language), anti-forgery, static assets, sign-in and the components. Call after
    /// <c>UseAuthentication</c> and <c>UseAuthorization</c>.
    /// </summary>
    public static WebApplication MapTrustFundWeb(this WebApplication app)
    {
        var localization = Languages.RequestLocalization();
        app.UseWhen(context => !WebAuthentication.IsApiRequest(context), pages => pages.UseRequestLocalization(localization));
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapSignIn();
        app.MapLanguageChoice();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(AccessPolicies.SignedIn.Name);
        return app;
    }
}
