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

    /// <summary>
    /// The fund's own time zone (IANA id, setting <c>Web:FundTimeZone</c>): deadlines are shown in it beside the
    /// user's. Geneva's (Europe/Zurich), where the UN Network on Migration's secretariat sits, unless configured otherwise.
    /// </summary>
    public string FundTimeZone { get; set; } = "Europe/Zurich";
}
