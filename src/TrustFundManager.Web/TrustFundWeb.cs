using MudBlazor;
using MudBlazor.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrustFundManager.Application.Access;
using TrustFundManager.Infrastructure.Auditing;
using TrustFundManager.Web.Account;
using TrustFundManager.Web.Common;
using TrustFundManager.Web.Localization;
using TrustFundManager.Web.Workflow;

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
        services.Configure<TrustFundWebOptions>(options =>
        {
            if (configuration["Web:FundTimeZone"] is { Length: > 0 } zone) options.FundTimeZone = zone;
            configure?.Invoke(options);
        });
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Slow or unstable links: a dropped circuit is kept (with what the user typed) while the browser reconnects.
        services.Configure<CircuitOptions>(options => options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(10));
        services.AddCascadingAuthenticationState();
        services.AddMudServices(options => options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomStart);
        services.AddLocalization();
        services.AddScoped<CurrentUser>();
        services.AddScoped<UseCases>();
        services.AddScoped<WorkflowTitles>();
        services.AddScoped<TimeZones>();
        services.AddPageActorContext();
        services.AddTrustFundWebAuthentication(configuration);
        return services;
    }

    /// <summary>
    /// Wraps the host's <see cref="IActorContext"/> (registered before this call) so that what a page saves is audited
    /// under the page's user.
    /// </summary>
    private static void AddPageActorContext(this IServiceCollection services)
    {
        services.AddScoped<PageCaller>();
        var host = services.LastOrDefault(d => d.ServiceType == typeof(IActorContext));
        if (host?.ImplementationType is not { } hostType)
            throw new InvalidOperationException("Register the host's IActorContext (a type) before AddTrustFundWeb.");
        services.AddScoped(hostType);
        services.Replace(ServiceDescriptor.Scoped<IActorContext>(provider => new PageActorContext(
            provider.GetRequiredService<PageCaller>(), (IActorContext)provider.GetRequiredService(hostType))));
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

        // In Development the static assets add a catch-all for files created since the build, an endpoint that takes no
        // conventions and so would state no policy; every endpoint here states one, so it is left out.
        app.Configuration["DisableStaticAssetNotFoundRuntimeFallback"] = "true";
        app.MapStaticAssets().AllowAnonymous();
        app.MapSignIn();
        app.MapLanguageChoice();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(AccessPolicies.SignedIn.Name);
        return app;
    }
}
