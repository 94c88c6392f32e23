namespace TrustFundManager.Application.Committee;

/// <summary>The routes the committee's read models link to.</summary>
internal static class CommitteeLinks
{
    public static string Ballot(Guid id) => $"/api/ballots/{id}";

    public static string Decision(Guid id) => $"/api/decisions/{id}";

    public static string Membership(Guid id) => $"/api/steering-committee/members/{id}";

    public static string ConceptNote(Guid id) => ConceptNotes.ConceptNoteAccess.Href(id);
}
