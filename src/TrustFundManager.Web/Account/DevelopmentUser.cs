using System.Security.Claims;

namespace TrustFundManager.Web.Account;

/// <summary>
/// A demo identity the development sign-in page offers, with the claims its session carries (the same claims the
/// development token issuer puts in a bearer token).
/// </summary>
public sealed record DevelopmentUser(string User, string DisplayName, string Description, IReadOnlyList<Claim> Claims);
