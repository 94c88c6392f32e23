using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;
using TrustFundManager.Api.Development;
using TrustFundManager.Application.Access;

namespace TrustFundManager.Api.Security;

public static class AuthenticationSetup
{
    public const string AzureAdSection = "AzureAd";

    /// <summary>
    /// Entra ID (Microsoft.Identity.Web) when an <c>AzureAd</c> section is configured; otherwise, in
    /// Development only, tokens from the local development issuer. Anywhere else no token is accepted.
    /// </summary>
    public static IServiceCollection AddTrustFundAuthentication(this IServiceCollection services,
        IConfiguration configuration, IHostEnvironment environment)
    {
        var azureAd = configuration.GetSection(AzureAdSection);
        if (azureAd.Exists())
        {
            ValidateAzureAd(azureAd);
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApi(azureAd);
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                // Why a token failed is for the logs, not for the caller's WWW-Authenticate header.
                options.IncludeErrorDetails = environment.IsDevelopment();
                // Keep Entra's short claim names (roles, oid, country...) as they are in the token.
                options.MapInboundClaims = false;
                options.TokenValidationParameters.RoleClaimType = CallerClaims.RoleClaimType;
                options.TokenValidationParameters.NameClaimType = CallerClaims.NameClaimType;
            });
            return services;
        }

        DevTokenIssuer? issuer = environment.IsDevelopment() ? new DevTokenIssuer(configuration) : null;
        if (issuer is not null) services.AddSingleton(issuer);

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.IncludeErrorDetails = environment.IsDevelopment();
                options.TokenValidationParameters = issuer?.ValidationParameters() ?? new TokenValidationParameters
                {
                    // No issuer is configured: refuse every token rather than trust an unknown one.
                    ValidateIssuerSigningKey = true,
                    IssuerSigningKeys = [],
                };
            });

        // Token lifetimes are judged on the application's clock, like every other deadline.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TimeProvider>((options, time) =>
            {
                options.TimeProvider = time;
                var skew = options.TokenValidationParameters.ClockSkew;
                options.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, _) =>
                {
                    var now = time.GetUtcNow().UtcDateTime;
                    // A token must expire (RequireExpirationTime refuses one without); this judges when.
                    return (notBefore is null || notBefore.Value <= now + skew) && expires is not null && expires.Value > now - skew;
                };
            });
        return services;
    }

    /// <summary>
    /// The Entra ID settings a token needs to be checked; a partial section stops start-up with a message naming what
    /// is missing, instead of every request answering 500.
    /// </summary>
    /// <exception cref="InvalidOperationException">A required setting is missing or malformed.</exception>
    public static void ValidateAzureAd(IConfigurationSection azureAd)
    {
        var missing = new[] { "Instance", "TenantId", "ClientId" }
            .Where(key => string.IsNullOrWhiteSpace(azureAd[key])).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"The {AzureAdSection} section is incomplete: set {string.Join(", ", missing.Select(k => $"{AzureAdSection}:{k}"))} " +
                "(docs/security.md), or remove the section.");
        if (!Uri.TryCreate(azureAd["Instance"], UriKind.Absolute, out var instance) || instance.Scheme != Uri.UriSchemeHttps)
            throw new InvalidOperationException($"{AzureAdSection}:Instance must be an https address, such as https://login.microsoftonline.com/.");
    }
}
