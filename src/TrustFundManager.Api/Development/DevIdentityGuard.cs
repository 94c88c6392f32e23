using System.Net;
using TrustFundManager.Api.Security;

namespace TrustFundManager.Api.Development;

/// <summary>
/// The development issuer hands any role to anyone who asks, so it serves only this machine: in Development without
/// Entra ID, an address beyond loopback (all interfaces, a host name, a public address, or bare ports) stops start-up.
/// </summary>
public static class DevIdentityGuard
{
    /// <exception cref="InvalidOperationException">The development issuer would be reachable beyond this machine.</exception>
    public static void RefuseBeyondLoopback(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment() || configuration.GetSection(AuthenticationSetup.AzureAdSection).Exists()) return;

        var urls = (configuration["urls"] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>())
            .ToList();
        var beyond = urls.Where(url => !IsLoopback(url)).ToList();
        if (!string.IsNullOrEmpty(configuration["http_ports"]) || !string.IsNullOrEmpty(configuration["https_ports"]))
            beyond.Add("every interface (ASPNETCORE_HTTP_PORTS / ASPNETCORE_HTTPS_PORTS)");
        if (beyond.Count > 0)
            throw new InvalidOperationException(
                $"The development token issuer would listen on {string.Join(", ", beyond)}: it gives any role to anyone, " +
                "so it serves loopback only. Listen on localhost, or configure Entra ID (AzureAd) and leave Development.");
    }

    private static bool IsLoopback(string url)
    {
        var host = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        host = host.Split('/')[0];
        if (host.StartsWith('['))
            host = host[1..host.IndexOf(']')];
        else if (host.LastIndexOf(':') is var colon and >= 0)
            host = host[..colon];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
               || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
