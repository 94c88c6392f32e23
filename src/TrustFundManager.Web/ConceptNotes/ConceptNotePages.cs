namespace TrustFundManager.Web.ConceptNotes;

/// <summary>Where a concept note's own page is.</summary>
public static class ConceptNotePages
{
    public static string For(Guid id) => $"/concept-notes/{id}";
}
