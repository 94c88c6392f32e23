using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;

namespace TrustFundManager.Api.Development;

/// <summary>
/// Signs short-lived tokens for the demo users, in the Development environment only. The signing key comes
/// from <c>DevIdentity:SigningKey</c> (base64, 32 bytes or more) or is made afresh at each start.
/// </summary>
public sealed class DevTokenIssuer
{
    public const string Issuer = "trustfundmanager-dev";
    public const string Audience = "trustfundmanager-api";

    private readonly SymmetricSecurityKey _key;
    private readonly TimeSpan _lifetime;

    public DevTokenIssuer(IConfiguration configuration)
    {
        var configuredKey = configuration["DevIdentity:SigningKey"];
        var keyBytes = string.IsNullOrWhiteSpace(configuredKey)
            ? RandomNumberGenerator.GetBytes(32)
            : Convert.FromBase64String(configuredKey);
        if (keyBytes.Length < 32) throw new InvalidOperationException("DevIdentity:SigningKey must be at least 32 bytes.");
        _key = new SymmetricSecurityKey(keyBytes) { KeyId = "dev" };
        _lifetime = TimeSpan.FromMinutes(configuration.GetValue("DevIdentity:TokenLifetimeMinutes", 480));
    }

    public TimeSpan Lifetime => _lifetime;

    public string IssueFor(DevUser user, DateTimeOffset now)
    {
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(user.Claims()),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + _lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = _key,
        RoleClaimType = CallerClaims.RoleClaimType,
        NameClaimType = CallerClaims.NameClaimType,
        ClockSkew = TimeSpan.FromSeconds(30),
        // A token without an expiry would be good for ever.
        RequireExpirationTime = true,
    };
}
