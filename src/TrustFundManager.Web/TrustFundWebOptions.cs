using TrustFundManager.Web.Account;

namespace TrustFundManager.Web;

/// <summary>What the host tells the web pages about itself.</summary>
public sealed class TrustFundWebOptions
{
    /// <summary>
    /// The demo users of the development sign-in page. The page exists only in Development and only when Entra ID
    /// is not configured (the rule of the development token issuer); elsewhere this list is ignored.
    /// </summary>
    public IReadOnlyList<DevelopmentUser> DevelopmentUsers { get; set; } = [];
}
