namespace TrustFundManager.Web.Programmes;

/// <summary>Where a joint programme's own page is.</summary>
public static class ProgrammePages
{
    public static string For(Guid id) => $"/programmes/{id}";
}
