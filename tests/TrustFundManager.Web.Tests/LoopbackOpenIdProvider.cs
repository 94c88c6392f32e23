using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TrustFundManager.Web.Tests;

/// <summary>How the next ID token the provider issues is spoiled, to see the application refuse it.</summary>
public enum TokenFault
{
    None,
    BadSignature,
    WrongAudience,
    MissingNonce,
}

/// <summary>
/// A small OpenID provider on a loopback port, shaped like an Entra ID tenant: its discovery document
/// (<c>/{tenant}/v2.0/.well-known/openid-configuration</c>), its keys (one RSA key made for the test), an authorize
/// endpoint that answers with a page whose form posts the ID token (and a code, when asked for one) back to the
/// application, and a token endpoint for the code. The ID token carries the nonce the application sent, the app roles
/// and the country, organization and constituency claims of <see cref="NextUser"/>. Nothing leaves the machine.
/// </summary>
public sealed class LoopbackOpenIdProvider : IAsyncDisposable
{
    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, string> _codes = new();
    private WebApplication? _app;

    public LoopbackOpenIdProvider(string tenantId, string clientId)
    {
        TenantId = tenantId;
        ClientId = clientId;
    }

    public string TenantId { get; }

    public string ClientId { get; }

    /// <summary>
    /// The provider's TLS certificate, made for the test (127.0.0.1 and localhost): whoever talks to the provider
    /// trusts this one certificate (<see cref="TrustingHandler"/>), as a tenant's clients trust Entra ID's.
    /// </summary>
    public X509Certificate2 Certificate { get; } = MakeCertificate();

    /// <summary>An HTTP handler that trusts the provider's certificate and nothing else unknown.</summary>
    public HttpMessageHandler TrustingHandler() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            errors == System.Net.Security.SslPolicyErrors.None || certificate?.Thumbprint == Certificate.Thumbprint,
    };

    /// <summary>Where the provider listens, e.g. <c>https://127.0.0.1:41234/</c>: the application's <c>AzureAd:Instance</c>.</summary>
    public Uri Instance { get; private set; } = default!;

    public string Issuer => $"{Instance}{TenantId}/v2.0";

    /// <summary>The claims of the user the next sign-in is for (besides iss, aud, nonce and times).</summary>
    public IReadOnlyList<Claim> NextUser { get; set; } = [];

    public TokenFault NextFault { get; set; }

    /// <summary>The authorize requests the provider received, as the application sent them.</summary>
    public ConcurrentQueue<IQueryCollection> AuthorizeRequests { get; } = new();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(Certificate)));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        var tenant = _app.MapGroup($"/{TenantId}");
        tenant.MapGet("/v2.0/.well-known/openid-configuration", () => Results.Text(Discovery().ToJsonString(), "application/json"));
        tenant.MapGet("/discovery/v2.0/keys", () => Results.Text(Keys().ToJsonString(), "application/json"));
        tenant.MapGet("/oauth2/v2.0/authorize", Authorize);
        tenant.MapPost("/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            return _codes.TryRemove(form["code"].ToString(), out var idToken)
                ? Results.Text(new JsonObject
                {
                    ["token_type"] = "Bearer",
                    ["expires_in"] = 3600,
                    ["id_token"] = idToken,
                    ["access_token"] = "not-used",
                }.ToJsonString(), "application/json")
                : Results.Text("""{"error":"invalid_grant"}""", "application/json", statusCode: 400);
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Instance = new Uri(address.TrimEnd('/') + "/");
    }

    private JsonObject Discovery() => new()
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = $"{Instance}{TenantId}/oauth2/v2.0/authorize",
        ["token_endpoint"] = $"{Instance}{TenantId}/oauth2/v2.0/token",
        ["end_session_endpoint"] = $"{Instance}{TenantId}/oauth2/v2.0/logout",
        ["jwks_uri"] = $"{Instance}{TenantId}/discovery/v2.0/keys",
        ["response_modes_supported"] = new JsonArray("query", "fragment", "form_post"),
        ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token"),
        ["subject_types_supported"] = new JsonArray("pairwise"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["scopes_supported"] = new JsonArray("openid", "profile", "email", "offline_access"),
        ["tenant_region_scope"] = "EU",
    };

    private JsonObject Keys()
    {
        var parameters = _key.ExportParameters(false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = "test-key",
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            }),
        };
    }

    /// <summary>Signs the user in at once (no page to fill) and posts the answer back, as Entra ID's form_post does.</summary>
    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        AuthorizeRequests.Enqueue(query);
        var responseType = query["response_type"].ToString().Split(' ');
        var idToken = IdToken(query["nonce"].ToString());
        var fields = new Dictionary<string, string> { ["state"] = query["state"].ToString() };
        if (responseType.Contains("code"))
        {
            var code = Guid.NewGuid().ToString("N");
            _codes[code] = idToken;
            fields["code"] = code;
        }
        if (responseType.Contains("id_token")) fields["id_token"] = idToken;

        var inputs = string.Concat(fields.Select(f =>
            $"""<input type="hidden" name="{WebUtility.HtmlEncode(f.Key)}" value="{WebUtility.HtmlEncode(f.Value)}" />"""));
        return Results.Content($"""
            <!DOCTYPE html><html><head><title>Working...</title></head>
            <body onload="document.forms[0].submit()">
            <form method="post" action="{WebUtility.HtmlEncode(query["redirect_uri"].ToString())}">{inputs}</form>
            </body></html>
            """, "text/html");
    }

    /// <summary>An access token for the application's API, as Entra ID issues one to a client of the API.</summary>
    public string AccessToken(IEnumerable<Claim> user, string audience)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["tid"] = TenantId, ["ver"] = "2.0", ["sub"] = Guid.NewGuid().ToString("N") };
        foreach (var group in user.GroupBy(c => c.Type))
            claims[group.Key] = group.Key == "roles" ? group.Select(c => c.Value).ToArray() : group.First().Value;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_key) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256),
        });
    }

    private string IdToken(string nonce)
    {
        var fault = NextFault;
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["tid"] = TenantId,
            ["ver"] = "2.0",
            ["sub"] = Guid.NewGuid().ToString("N"),
        };
        if (fault != TokenFault.MissingNonce) claims["nonce"] = nonce;
        foreach (var group in NextUser.GroupBy(c => c.Type))
            claims[group.Key] = group.Key == "roles" ? group.Select(c => c.Value).ToArray() : group.First().Value;

        var signingKey = new RsaSecurityKey(fault == TokenFault.BadSignature ? _otherKey : _key) { KeyId = "test-key" };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = fault == TokenFault.WrongAudience ? "00000000-0000-0000-0000-00000000beef" : ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    private static X509Certificate2 MakeCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _key.Dispose();
        _otherKey.Dispose();
        Certificate.Dispose();
    }
}
