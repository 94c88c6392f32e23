namespace TrustFundManager.Application.Committee;

/// <summary>The routes the committee's read models link to.</summary>
internal static class CommitteeLinks
{
    public static string Ballot(Guid id) => $"/api/ballots/{id}";

    public static string Decision(Guid id) => $"/api/decisions/{id}";

    public static string Membership(Guid id) => $"/api/steering-committee/members/{id}";

    // The concept note's own route, written out here rather than taken from the concept notes' feature, so that this
    // feature does not depend on where that one lives; it must stay the route concept notes answer on.
    public static string ConceptNote(Guid id) => $"/api/concept-notes/{id}";
}
