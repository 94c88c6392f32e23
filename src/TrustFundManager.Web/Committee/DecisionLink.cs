namespace TrustFundManager.Web.Committee;

/// <summary>Where a decision's own page is.</summary>
public static class DecisionLink
{
    public static string For(Guid id) => $"/decisions/{id}";
}
